package org.standalonecredit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.PaymentSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Exactly one payment source. A card number is read from standard input, never from the command line. */
final class SourceOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    @Option(names = "--expiry", paramLabel = "MM/YYYY", description = "Card expiry, for --instrument-identifier, --card-from-stdin and --gateway-token.")
    String expiry;

    @Option(names = "--brand", paramLabel = "BRAND", description = "Card brand (VISA, MASTERCARD, AMERICAN_EXPRESS, ...).")
    String brand;

    @Option(names = "--token-source", paramLabel = "SOURCE", description = "Source of a --gateway-token, e.g. TRANSARMOR.")
    String tokenSource;

    static final class Kind {
        @Option(names = "--customer-token", paramLabel = "ID", description = "Customer token id.")
        String customerToken;
        @Option(names = "--payment-instrument", paramLabel = "ID", description = "Payment-instrument token id.")
        String paymentInstrument;
        @Option(names = "--instrument-identifier", paramLabel = "ID", description = "Instrument-identifier token id (needs --expiry and --brand).")
        String instrumentIdentifier;
        @Option(names = "--gateway-token", paramLabel = "TOKEN", description = "A gateway token such as a TransArmor token (needs --token-source).")
        String gatewayToken;
        @Option(names = "--card-from-stdin", description = "Read the card number (first line) and optional security code (second line) from standard input, so they never appear in the shell history or process list.")
        boolean cardFromStdin;
    }

    PaymentSource toSource(BufferedReader stdin) {
        if (kind.customerToken != null) {
            return PaymentSource.customerToken(kind.customerToken);
        }
        if (kind.paymentInstrument != null) {
            return PaymentSource.paymentInstrument(kind.paymentInstrument);
        }
        if (kind.instrumentIdentifier != null) {
            return PaymentSource.instrumentIdentifier(kind.instrumentIdentifier, expiry(true), brand());
        }
        if (kind.gatewayToken != null) {
            return PaymentSource.gatewayToken(kind.gatewayToken, tokenSource, expiry(false));
        }
        try {
            String number = stdin.readLine();
            String code = stdin.readLine();
            if (number == null || number.isBlank()) {
                throw new UsageException("--card-from-stdin: no card number on standard input");
            }
            return PaymentSource.card(number.trim().replace(" ", ""), expiry(true), code == null || code.isBlank() ? null : code.trim(), brand());
        } catch (IOException e) {
            throw new UsageException("--card-from-stdin: cannot read standard input");
        }
    }

    private CardExpiry expiry(boolean required) {
        if (expiry == null) {
            if (required) {
                throw new UsageException("--expiry MM/YYYY is required for this payment source");
            }
            return null;
        }
        return expiry(expiry, "--expiry");
    }

    /** {@code MM/YYYY}; {@code what} names the option or column in the message. */
    static CardExpiry expiry(String expiry, String what) {
        String[] parts = expiry.split("/");
        try {
            if (parts.length != 2 || parts[1].length() != 4) {
                throw new NumberFormatException();
            }
            return CardExpiry.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be MM/YYYY, e.g. 03/2031");
        }
    }

    private CardBrand brand() {
        return brand(brand, "--brand");
    }

    /** A card brand by name, in any case, with '-' for '_'; null for null. */
    static CardBrand brand(String brand, String what) {
        if (brand == null) {
            return null;
        }
        try {
            return CardBrand.valueOf(brand.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " must be one of " + java.util.Arrays.toString(CardBrand.values()));
        }
    }
}
