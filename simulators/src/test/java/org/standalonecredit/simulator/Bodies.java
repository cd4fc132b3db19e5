package org.standalonecredit.simulator;

/** Request bodies used across tests (shapes from the seeds and protocol notes). */
public final class Bodies {
    private Bodies() {
    }

    /** The protocol notes' §1.3 test-vector body (exact bytes). */
    public static final String CYBERSOURCE_VECTOR_BODY = "{\"clientReferenceInformation\":{\"code\":\"refund-0001\"},"
            + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"10.00\",\"currency\":\"USD\"}},"
            + "\"paymentInformation\":{\"card\":{\"number\":\"4111111111111111\",\"expirationMonth\":\"12\","
            + "\"expirationYear\":\"2031\",\"type\":\"001\"}}}";

    /** Seed 000: credit with a customer token. */
    public static final String CYBERSOURCE_CUSTOMER_TOKEN = """
            {
              "clientReferenceInformation": {
                "code": "12345678"
              },
                "paymentInformation": {
                    "customer": {
                        "id": "F45FB3E443AC3C57E053A2598D0A9CFF"
                    }
                },
                "orderInformation": {
                    "amountDetails": {
                        "currency": "USD",
                        "totalAmount": "10.00"
                    }
                }
            }""";

    /** Seed 003/002: mass-transit credit with an instrument identifier (note the odd line break, valid JSON). */
    public static final String MASS_TRANSIT = """
            {
                "clientReferenceInformation": {
                    "transactionId": "43987654321",
                    "partner": {
                        "thirdPartyCertificationNumber": "123456789012"
                    }
                },
                "paymentInformation": {
                    "card": {
                        "expirationMonth": "03",
                        "expirationYear": "2031",
                        "type": "001"
                    },
                    "instrumentIdentifier": {
                        "id": "DCED1B858116F177E053AF598E0AA10A"
                    }
                },
                "orderInformation": {
                    "amountDetails": {
                        "totalAmount"
            : "200.00",
                        "currency": "THB"
                    }
                }
            }""";

    /** A Cybersource card credit with the given amount, reference and transaction id (null to omit). */
    public static String cybersourceCard(String amount, String code, String transactionId) {
        StringBuilder ref = new StringBuilder();
        if (code != null) {
            ref.append("\"code\":\"").append(code).append('"');
        }
        if (transactionId != null) {
            ref.append(ref.length() > 0 ? "," : "").append("\"transactionId\":\"").append(transactionId).append('"');
        }
        return "{\"clientReferenceInformation\":{" + ref + "},"
                + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"" + amount + "\",\"currency\":\"USD\"}},"
                + "\"paymentInformation\":{\"card\":{\"number\":\"4111111111111111\",\"expirationMonth\":\"12\","
                + "\"expirationYear\":\"2031\",\"type\":\"001\"}}}";
    }

    /** The protocol notes' §1 Commerce Hub test-vector body (379 bytes exactly). */
    public static final String COMMERCE_HUB_VECTOR_BODY = "{\"amount\":{\"total\":12.04,\"currency\":\"USD\"},"
            + "\"source\":{\"sourceType\":\"PaymentCard\",\"card\":{\"cardData\":\"4005550000000019\","
            + "\"expirationMonth\":\"02\",\"expirationYear\":\"2035\",\"securityCode\":\"123\","
            + "\"securityCodeIndicator\":\"PROVIDED\"}},\"transactionDetails\":{\"captureFlag\":true,"
            + "\"merchantInvoiceNumber\":\"123456789012\"},\"merchantDetails\":{\"merchantId\":\"100008000003683\","
            + "\"terminalId\":\"10000001\"}}";

    /** A Commerce Hub plain-card credit with an amount literal (e.g. {@code 12.04}) and merchant transaction id. */
    public static String commerceHubCard(String totalLiteral, String merchantTransactionId) {
        return "{\"amount\":{\"total\":" + totalLiteral + ",\"currency\":\"USD\"},"
                + "\"source\":{\"sourceType\":\"PaymentCard\",\"card\":{\"cardData\":\"4005550000000019\","
                + "\"expirationMonth\":\"02\",\"expirationYear\":\"2035\",\"securityCode\":\"123\","
                + "\"securityCodeIndicator\":\"PROVIDED\"}},"
                + "\"transactionDetails\":{\"captureFlag\":true"
                + (merchantTransactionId != null ? ",\"merchantTransactionId\":\"" + merchantTransactionId + "\"" : "")
                + "},\"transactionInteraction\":{\"origin\":\"ECOM\",\"eciIndicator\":\"CHANNEL_ENCRYPTED\","
                + "\"posConditionCode\":\"CARD_NOT_PRESENT_ECOM\"},"
                + "\"merchantDetails\":{\"merchantId\":\"100008000003683\",\"terminalId\":\"10000001\"}}";
    }
}
