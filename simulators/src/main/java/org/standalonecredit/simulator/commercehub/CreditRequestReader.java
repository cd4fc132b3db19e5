package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.standalonecredit.simulator.CardScheme;
import org.standalonecredit.simulator.Pans;
import org.standalonecredit.simulator.PaymentSourceSummary;
import org.standalonecredit.simulator.SimJson;

/**
 * Validates and reads a Commerce Hub credit / open-refund request body: amount (a JSON number), currency,
 * merchant and terminal, and the payment source (plain card, encrypted card, token, or other). Produces the
 * response {@code source} object without ever keeping the full card number or security code.
 */
final class CreditRequestReader {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MONTH = Pattern.compile("0[1-9]|1[0-2]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private CreditRequestReader() {
    }

    /**
     * What was read.
     *
     * @param total          amount exactly as received
     * @param currency       currency
     * @param merchantId     {@code merchantDetails.merchantId}
     * @param summary        payment source summary for the ledger
     * @param responseSource the {@code source} object to answer with
     */
    record ParsedCredit(BigDecimal total, String currency, String merchantId, PaymentSourceSummary summary,
                        ObjectNode responseSource) {
    }

    static ParsedCredit read(JsonNode body, boolean production, CardEncryptionKey key) throws CommerceHubRejection {
        List<CommerceHubError> errors = new ArrayList<>();
        BigDecimal total = readTotal(body.at("/amount/total"), errors);
        String currency = SimJson.textOrNull(body, "/amount/currency");
        if (currency == null) {
            errors.add(CommerceHubError.missingOrInvalid("amount.currency"));
        } else if (!CURRENCY.matcher(currency).matches()) {
            errors.add(CommerceHubError.invalidAmountOrCurrency("amount.currency"));
        }
        String merchantId = SimJson.textOrNull(body, "/merchantDetails/merchantId");
        if (merchantId == null) {
            errors.add(CommerceHubError.missingOrInvalid("merchantDetails.merchantId"));
        }
        if (SimJson.textOrNull(body, "/merchantDetails/terminalId") == null) {
            errors.add(CommerceHubError.missingOrInvalid("merchantDetails.terminalId"));
        }
        if (SimJson.present(body, "/referenceTransactionDetails")) {
            errors.add(CommerceHubError.typeNotSupported("referenceTransactionDetails"));
        }
        ParsedSource source = null;
        JsonNode src = body.path("source");
        String sourceType = SimJson.textOrNull(src, "/sourceType");
        if (sourceType == null) {
            errors.add(CommerceHubError.missingOrInvalid("source.sourceType"));
        } else {
            try {
                source = readSource(sourceType, src, production, key);
            } catch (CommerceHubRejection r) {
                errors.addAll(r.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new CommerceHubRejection(errors);
        }
        return new ParsedCredit(total, currency, merchantId, source.summary(), source.json());
    }

    private static BigDecimal readTotal(JsonNode n, List<CommerceHubError> errors) {
        if (n.isMissingNode() || n.isNull() || !n.isNumber()) {
            errors.add(CommerceHubError.missingOrInvalid("amount.total"));
            return null;
        }
        BigDecimal total = n.decimalValue();
        if (total.signum() <= 0 || total.stripTrailingZeros().scale() > 3 || total.precision() > 18) {
            errors.add(CommerceHubError.invalidAmountOrCurrency("amount.total"));
        }
        return total;
    }

    private record ParsedSource(PaymentSourceSummary summary, ObjectNode json) {
    }

    private static ParsedSource readSource(String sourceType, JsonNode src, boolean production,
                                           CardEncryptionKey key) throws CommerceHubRejection {
        return switch (sourceType) {
            case "PaymentCard" -> readCard(src, production, key);
            case "PaymentToken" -> readToken(src);
            default -> {
                ObjectNode json = SimJson.object().put("sourceType", sourceType);
                yield new ParsedSource(new PaymentSourceSummary(PaymentSourceSummary.SourceType.OTHER,
                        null, null, null, null, CardScheme.UNKNOWN, null, false), json);
            }
        };
    }

    private static ParsedSource readCard(JsonNode src, boolean production, CardEncryptionKey key) throws CommerceHubRejection {
        JsonNode card = src.path("card");
        boolean encrypted = src.path("encryptionData").isObject();
        String plainPan = SimJson.textOrNull(card, "/cardData");
        String pan;
        String month = SimJson.textOrNull(card, "/expirationMonth");
        String year = SimJson.textOrNull(card, "/expirationYear");
        if (encrypted) {
            if (plainPan != null) {
                throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData("source.card.cardData"));
            }
            EncryptedCardDecoder.DecodedCard decoded = EncryptedCardDecoder.decode(src.path("encryptionData"), key);
            pan = decoded.cardData();
            month = decoded.expirationMonth() != null ? decoded.expirationMonth() : month;
            year = decoded.expirationYear() != null ? decoded.expirationYear() : year;
        } else if (plainPan != null) {
            if (production) {
                throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData("source.encryptionData"));
            }
            pan = plainPan;
        } else {
            throw new CommerceHubRejection(CommerceHubError.missingCardData());
        }
        List<CommerceHubError> errors = new ArrayList<>();
        if (!Pans.isPlausiblePan(pan)) {
            errors.add(CommerceHubError.invalidCardNumber("source.card.cardData"));
        }
        if (month != null && !MONTH.matcher(month).matches()) {
            errors.add(CommerceHubError.invalidExpiry("source.card.expirationMonth"));
        }
        if (year != null && !YEAR.matcher(year).matches()) {
            errors.add(CommerceHubError.invalidExpiry("source.card.expirationYear"));
        }
        if (!errors.isEmpty()) {
            throw new CommerceHubRejection(errors);
        }
        ObjectNode json = SimJson.object().put("sourceType", "PaymentCard");
        ObjectNode c = json.putObject("card");
        c.put("bin", Pans.bin(pan, pan.length() >= 16 ? 8 : 6));
        c.put("last4", Pans.last4(pan));
        c.put("scheme", CardScheme.detect(pan).scheme());
        SimJson.putIfNotNull(c, "expirationMonth", month);
        SimJson.putIfNotNull(c, "expirationYear", year);
        return new ParsedSource(PaymentSourceSummary.card(pan, month, year, encrypted), json);
    }

    private static ParsedSource readToken(JsonNode src) throws CommerceHubRejection {
        String tokenData = SimJson.textOrNull(src, "/tokenData");
        String tokenSource = SimJson.textOrNull(src, "/tokenSource");
        List<CommerceHubError> errors = new ArrayList<>();
        if (tokenData == null) {
            errors.add(CommerceHubError.invalidCardNumber("source.tokenData"));
        }
        if (tokenSource == null) {
            errors.add(CommerceHubError.missingOrInvalid("source.tokenSource"));
        }
        String month = SimJson.textOrNull(src, "/card/expirationMonth");
        String year = SimJson.textOrNull(src, "/card/expirationYear");
        if (month != null && !MONTH.matcher(month).matches()) {
            errors.add(CommerceHubError.invalidExpiry("source.card.expirationMonth"));
        }
        if (year != null && !YEAR.matcher(year).matches()) {
            errors.add(CommerceHubError.invalidExpiry("source.card.expirationYear"));
        }
        if (!errors.isEmpty()) {
            throw new CommerceHubRejection(errors);
        }
        ObjectNode json = SimJson.object().put("sourceType", "PaymentToken").put("tokenData", tokenData)
                .put("tokenSource", tokenSource);
        if (month != null || year != null) {
            ObjectNode c = json.putObject("card");
            SimJson.putIfNotNull(c, "expirationMonth", month);
            SimJson.putIfNotNull(c, "expirationYear", year);
        }
        return new ParsedSource(PaymentSourceSummary.token(PaymentSourceSummary.SourceType.PAYMENT_TOKEN,
                tokenData, month, year, CardScheme.UNKNOWN), json);
    }
}
