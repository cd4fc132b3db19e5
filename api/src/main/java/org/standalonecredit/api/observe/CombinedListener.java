package org.standalonecredit.api.observe;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;

/** The listeners {@link CreditListener#all} combines: each called in order, one that throws logged and ignored. */
final class CombinedListener implements CreditListener {
    private static final System.Logger LOG = System.getLogger(CreditListener.class.getName());
    private final List<CreditListener> each;

    CombinedListener(List<CreditListener> each) {
        this.each = each;
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        each(listener -> listener.onEvent(event));
    }

    @Override
    public void onCallStarted(CreditEvent.Started started) {
        each(listener -> listener.onCallStarted(started));
    }

    @Override
    public void onCallEnded(CreditEvent event) {
        each(listener -> listener.onCallEnded(event));
    }

    @Override
    public boolean readsExchangeContent() {
        return each.stream().anyMatch(CreditListener::readsExchangeContent);
    }

    private void each(Consumer<CreditListener> call) {
        for (CreditListener listener : each) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                LOG.log(Level.WARNING, "credit listener threw {0}; ignored", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public String toString() {
        return "CreditListener.all" + each;
    }
}
