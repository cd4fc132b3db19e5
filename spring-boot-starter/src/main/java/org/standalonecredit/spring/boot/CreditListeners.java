package org.standalonecredit.spring.boot;

import java.util.List;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * The listener the auto-configuration gives every gateway: each {@link CreditListener} bean in order. One that throws
 * does not keep the event from the others; the first failure is rethrown after all have run, so the library logs it
 * and ignores it as it does for a single listener.
 */
final class CreditListeners implements CreditListener {
    private final List<CreditListener> listeners;

    private CreditListeners(List<CreditListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static CreditListener of(List<CreditListener> listeners) {
        if (listeners.isEmpty()) {
            return CreditListener.NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CreditListeners(listeners);
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        RuntimeException first = null;
        for (CreditListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "CreditListeners" + listeners;
    }
}
