package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "1500, JPY, 1500",
            "10, USD, 10.00",
            "10.5, USD, 10.50",
            "10.00, USD, 10.00",
            "1.5, KWD, 1.500",
            "0.001, KWD, 0.001",
            "9999999999.99, USD, 9999999999.99",
            "999999999999, JPY, 999999999999",
            "999999999.999, KWD, 999999999.999"})
    void amountsAreHeldAtTheCurrencysMinorUnits(String amount, String currency, String wire) {
        Money money = Money.of(amount, currency);
        assertEquals(wire, money.toPlainString());
        assertEquals(money.currency().getDefaultFractionDigits(), money.amount().scale());
    }

    @ParameterizedTest
    @CsvSource({
            "0, USD, amount.value",
            "0.00, USD, amount.value",
            "-1.00, USD, amount.value",
            "10.001, USD, amount.value",
            "10.5, JPY, amount.value",
            "1.0001, KWD, amount.value",
            "10000000000.00, USD, amount.value",
            "1000000000000, JPY, amount.value",
            "1000000000.000, KWD, amount.value",
            "1e3, USD, amount.value",
            "10.00, usd, amount.currency",
            "10.00, XYZ, amount.currency",
            "10.00, US, amount.currency",
            "10.00, XAU, amount.currency"})
    void rejectsWhatNoGatewayAccepts(String amount, String currency, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Money.of(amount, currency));
        assertTrue(e.hasErrorFor(field), e.getMessage());
    }

    @Test
    void bigDecimalInputIsScaledNotRounded() {
        assertEquals("12.00", Money.of(new BigDecimal("12"), "USD").toPlainString());
        assertThrows(InvalidRequestException.class, () -> Money.of(new BigDecimal("12.345"), "USD"));
    }

    /** Hostile amounts are refused by their size, before any arithmetic on their scale could take seconds or throw. */
    @ParameterizedTest
    @ValueSource(strings = {"1E+10000000", "1E+999999999", "1E+2147483647", "1E-2147483647", "1E-999999999", "1E+12"})
    void aHostileBigDecimalIsAnInvalidAmountNotAnArithmeticError(String amount) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Money.of(new BigDecimal(amount), "USD"));
        assertTrue(e.hasErrorFor("amount.value"), e.getMessage());
        InvalidRequestException built = assertThrows(InvalidRequestException.class,
                () -> CreditRequest.builder().amount(new BigDecimal(amount), "USD").build());
        assertTrue(built.hasErrorFor("amount.value"), built.getMessage());
    }

    @Test
    void thousandsOfTrailingZerosAreRefusedWithoutStrippingThem() {
        BigDecimal tenWithManyZeros = new BigDecimal(BigInteger.TEN.pow(20_000), 19_999);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Money.of(tenWithManyZeros, "USD"));
        assertTrue(e.hasErrorFor("amount.value"), e.getMessage());
    }

    @Test
    void aHostileStringIsRefusedByItsLengthBeforeItIsParsed() {
        for (String amount : List.of("1" + "0".repeat(100_000), "0." + "0".repeat(100_000) + "1", "1".repeat(65))) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> CreditRequest.builder().amount(amount, "USD").build());
            assertEquals(List.of("must be at most 64 characters"), e.errors().stream()
                    .filter(f -> f.field().equals("amount.value")).map(FieldError::message).toList());
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Money.of("1E+999999999", "USD"));
        assertTrue(e.hasErrorFor("amount.value"), e.getMessage());
    }

    @Test
    void trailingZerosWithinReasonAreStillAccepted() {
        assertEquals("10.00", Money.of(new BigDecimal("10.0000000000"), "USD").toPlainString());
        assertEquals("10.00", Money.of("10.0000000000", "USD").toPlainString());
        assertEquals("0.01", Money.of(new BigDecimal("1E-2"), "USD").toPlainString());
        assertEquals("1000.00", Money.of(new BigDecimal("1E+3"), "USD").toPlainString());
    }

    @Test
    void echoComparisonIgnoresScaleAndCurrencyCase() {
        Money money = Money.of("200.00", "THB");
        assertTrue(money.matches(new BigDecimal("200"), "thb"));
        assertTrue(!money.matches(new BigDecimal("200.01"), "THB"));
        assertTrue(!money.matches(new BigDecimal("200.00"), "USD"));
    }
}
