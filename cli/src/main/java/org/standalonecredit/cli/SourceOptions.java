package org.standalonecredit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.PaymentSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Exactly one payment source. A card number is read from standard input, never from the command line. */
final class SourceOptions {
    /** How standard input carries a card and a confirmation; said in the help, in every refusal and in the README. */
    static final String STDIN_RULE = "Standard input holds the card first: its number on the first line, its security code (optional) on the"
            + " second, then a blank line; the answer to the confirmation comes after that blank line, or from the terminal when there is one."
            + " At a terminal the number and the code are asked for instead, and not shown as they are typed.";
    private static final Pattern CARD_NUMBER = Pattern.compile("\\d{12,19}");
    private static final Pattern SECURITY_CODE = Pattern.compile("\\d{3,4}");

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nPayment source (exactly one is required):%n")
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
        @Option(names = "--instrument-identifier", paramLabel = "ID", description = "Instrument-identifier token id (needs --expiry).")
        String instrumentIdentifier;
        @Option(names = "--gateway-token", paramLabel = "TOKEN", description = "A gateway token such as a TransArmor token (needs --token-source).")
        String gatewayToken;
        @Option(names = "--card-from-stdin", description = {"Read the card from standard input, so that it never appears in the shell history"
                + " or the process list (needs --expiry).", STDIN_RULE})
        boolean cardFromStdin;
    }

    /** @param hidden the terminal's unechoed input, or null when there is no terminal: the card then comes from {@code stdin} */
    PaymentSource toSource(BufferedReader stdin, HiddenPrompt hidden) {
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
            return hidden != null ? cardAtTerminal(hidden) : card(stdin);
        } catch (IOException e) {
            throw cardRefused("cannot read standard input");
        }
    }

    /**
     * The card on standard input, read before anything else there: its number on the first line, its security code
     * (optional) on the second, then a blank line or the end of the input. The answer to a confirmation comes only after
     * that blank line (or from the terminal), so that the two cannot be taken for each other: a first line that is not a
     * card number, a second that is neither a security code nor blank, or a third that is not blank is refused, nothing
     * is sent, and nothing of what was read is shown.
     */
    private PaymentSource card(BufferedReader stdin) throws IOException {
        String number = stdin.readLine();
        if (number == null || number.isBlank()) {
            throw cardRefused("no card number on the first line of standard input");
        }
        String digits = number.strip().replace(" ", "").replace("-", "");
        if (!CARD_NUMBER.matcher(digits).matches()) {
            throw cardRefused("the first line of standard input is not a card number (12 to 19 digits)");
        }
        String code = stdin.readLine();
        if (code != null && !code.isBlank()) {
            if (!SECURITY_CODE.matcher(code.strip()).matches()) {
                throw cardRefused("the line after the card number is neither its security code (3 or 4 digits) nor the blank line that ends the card");
            }
            String end = stdin.readLine();
            if (end != null && !end.isBlank()) {
                throw cardRefused("the security code is not followed by the blank line that ends the card");
            }
        }
        return PaymentSource.card(digits, expiry(true), code == null || code.isBlank() ? null : code.strip(), brand());
    }

    /** The card asked for at the terminal, nothing echoed; the typed characters are cleared once read. */
    private PaymentSource cardAtTerminal(HiddenPrompt hidden) throws IOException {
        char[] typedNumber = hidden.read("Card number (not shown): ");
        String digits;
        try {
            if (typedNumber == null || typedNumber.length == 0) {
                throw cardRefused("no card number was typed");
            }
            digits = new String(typedNumber).strip().replace(" ", "").replace("-", "");
        } finally {
            clear(typedNumber);
        }
        if (!CARD_NUMBER.matcher(digits).matches()) {
            throw cardRefused("what was typed is not a card number (12 to 19 digits)");
        }
        char[] typedCode = hidden.read("Security code, or Enter for none (not shown): ");
        String code;
        try {
            code = typedCode == null ? "" : new String(typedCode).strip();
        } finally {
            clear(typedCode);
        }
        if (!code.isEmpty() && !SECURITY_CODE.matcher(code).matches()) {
            throw cardRefused("what was typed as the security code is not 3 or 4 digits");
        }
        return PaymentSource.card(digits, expiry(true), code.isEmpty() ? null : code, brand());
    }

    private static void clear(char[] typed) {
        if (typed != null) {
            java.util.Arrays.fill(typed, '\0');
        }
    }

    private static UsageException cardRefused(String why) {
        return new UsageException("--card-from-stdin: " + why + ". " + STDIN_RULE + " Nothing was sent.", ExitCodes.INVALID_INPUT,
                CliError.INVALID_INPUT, "--card-from-stdin");
    }

    private CardExpiry expiry(boolean required) {
        if (expiry == null) {
            if (required) {
                throw new UsageException("--expiry MM/YYYY is required for this payment source", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--expiry");
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
