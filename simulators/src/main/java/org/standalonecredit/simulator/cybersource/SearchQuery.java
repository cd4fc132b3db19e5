package org.standalonecredit.simulator.cybersource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Transaction Search {@code query} such as
 * {@code clientReferenceInformation.code:REF-1 AND clientReferenceInformation.transactionId:T1}.
 * Supported fields: {@code id}, {@code reconciliationId}, {@code clientReferenceInformation.code},
 * {@code clientReferenceInformation.transactionId}, {@code merchantId}. {@code submitTimeUtc} terms are
 * accepted and ignored (every stored credit is recent). Values may be double-quoted.
 */
final class SearchQuery {
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);

    private record Term(Function<StoredCredit, String> field, String value) {
    }

    private final List<Term> terms;

    private SearchQuery(List<Term> terms) {
        this.terms = terms;
    }

    /** @throws IllegalArgumentException for an unsupported field or malformed term */
    static SearchQuery parse(String query) {
        List<Term> terms = new ArrayList<>();
        for (String raw : AND.split(query.trim())) {
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("term without field");
            }
            String field = raw.substring(0, colon).trim();
            String value = raw.substring(colon + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            Function<StoredCredit, String> getter = switch (field.toLowerCase(Locale.ROOT)) {
                case "id" -> c -> c.id;
                case "reconciliationid" -> c -> c.reconciliationId;
                case "clientreferenceinformation.code" -> c -> c.code;
                case "clientreferenceinformation.transactionid" -> c -> c.transactionId;
                case "merchantid" -> c -> c.merchantId;
                case "submittimeutc" -> null;
                default -> throw new IllegalArgumentException("unsupported field");
            };
            if (getter != null) {
                terms.add(new Term(getter, value));
            }
        }
        return new SearchQuery(terms);
    }

    boolean matches(StoredCredit credit) {
        return terms.stream().allMatch(t -> t.value().equals(t.field().apply(credit)));
    }
}
