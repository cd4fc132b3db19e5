package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void echoComparisonIgnoresScaleAndCurrencyCase() {
        Money money = Money.of("200.00", "THB");
        assertTrue(money.matches(new BigDecimal("200"), "thb"));
        assertTrue(!money.matches(new BigDecimal("200.01"), "THB"));
        assertTrue(!money.matches(new BigDecimal("200.00"), "USD"));
    }
}
