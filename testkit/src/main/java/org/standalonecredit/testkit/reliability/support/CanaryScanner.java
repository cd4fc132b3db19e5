package org.standalonecredit.testkit.reliability.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * Searches every text a credit leaves behind for the {@link Canaries}. Texts are scanned as they are
 * produced and never kept, so a 10,000-credit soak costs no memory; only a masked description of each
 * hit is kept. Also a {@link CreditListener}: every exchange event is scanned. Thread-safe.
 */
public final class CanaryScanner implements CreditListener {
    private static final int MAX_DESCRIBED = 20;

    private final List<String> plain;
    private final Pattern securityCode;
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final List<String> described = new ArrayList<>();

    /** Scans for the PAN, the security code (as a whole token: {@code "9182"}, {@code =9182}) and every secret. */
    public CanaryScanner() {
        this(List.of());
    }

    /** Scans for the {@link Canaries} and these secrets too (a provider's own configured credentials). */
    public CanaryScanner(Collection<String> moreSecrets) {
        this.plain = new ArrayList<>(Canaries.SECRETS);
        moreSecrets.stream().filter(s -> !plain.contains(s)).forEach(plain::add);
        this.plain.add(Canaries.PAN);
        // a whole token: four digits also occur inside gateway ids, hex trace ids and UUID groups ("-9182-")
        this.securityCode = Pattern.compile("(?<![0-9A-Za-z_-])" + Canaries.SECURITY_CODE + "(?![0-9A-Za-z_-])");
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        events.incrementAndGet();
        scan("listener event " + event.phase() + " " + event.path(), event.toString());
    }

    /** Scans one text; {@code where} says where it came from (it must not contain the text). */
    public void scan(String where, Object text) {
        if (text == null) {
            return;
        }
        String s = String.valueOf(text);
        scanned.incrementAndGet();
        for (String canary : plain) {
            if (s.contains(canary)) {
                hit(where, canary.substring(0, 2) + "…(" + canary.length() + " chars)");
            }
        }
        if (securityCode.matcher(s).find()) {
            hit(where, "the security code");
        }
    }

    private void hit(String where, String what) {
        hits.incrementAndGet();
        synchronized (described) {
            if (described.size() < MAX_DESCRIBED) {
                described.add(what + " in " + where);
            }
        }
    }

    /** How many canary occurrences were found: must be zero. */
    public long hits() {
        return hits.get();
    }

    /** How many texts were scanned (log lines, events, messages, result texts). */
    public long scanned() {
        return scanned.get();
    }

    public long eventsSeen() {
        return events.get();
    }

    /** Where the first hits were, masked. */
    public List<String> describeHits() {
        synchronized (described) {
            return List.copyOf(described);
        }
    }
}
