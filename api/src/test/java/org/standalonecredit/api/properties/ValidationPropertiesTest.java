package org.standalonecredit.api.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.Money;
import org.standalonecredit.api.PaymentSource;

/** Money and request validation hold for any input, not just the examples. */
class ValidationPropertiesTest {
    private static final Set<String> KNOWN_FIELDS = Set.of("amount.value", "amount.currency", "source", "source.id", "source.number",
            "source.expiry", "source.expiry.month", "source.expiry.year", "source.securityCode", "merchantReference",
            "idempotencyKey", "transactionId", "comments");

    @Property(seed = "20261123")
    void anyAmountWithinTheCurrencysMinorUnitsIsHeldExactly(@ForAll("currencies") String code,
                                                            @ForAll @LongRange(min = 1, max = 999_999_999) long units,
                                                            @ForAll @IntRange(min = 0, max = 3) int scale) {
        int minor = Currency.getInstance(code).getDefaultFractionDigits();
        BigDecimal amount = BigDecimal.valueOf(units, Math.min(scale, minor));
        Money money = Money.of(amount.toPlainString(), code);
        assertEquals(minor, money.amount().scale());
        assertEquals(0, money.amount().compareTo(amount));
        assertEquals(money, Money.of(money.toPlainString(), code));
    }

    @Property(seed = "20261123")
    void anyAmountFinerThanTheMinorUnitIsRefused(@ForAll("currencies") String code, @ForAll @LongRange(min = 1, max = 99_999) long units) {
        int minor = Currency.getInstance(code).getDefaultFractionDigits();
        BigDecimal tooFine = BigDecimal.valueOf(units * 10 + 1, minor + 1);
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> Money.of(tooFine.toPlainString(), code));
        assertTrue(e.hasErrorFor("amount.value"));
    }

    @Property(seed = "20261123")
    void anyTextAsAmountIsEitherExactMoneyOrAFieldError(@ForAll("amountTexts") String text, @ForAll("currencyTexts") String code) {
        try {
            Money money = Money.of(text, code);
            assertTrue(money.amount().signum() > 0);
            assertEquals(money.minorUnits(), money.amount().scale());
            assertTrue(money.amount().precision() <= Money.MAX_DIGITS || money.amount().compareTo(BigDecimal.ONE) < 0);
        } catch (InvalidRequestException e) {
            assertFalse(e.errors().isEmpty());
            e.errors().forEach(f -> assertTrue(f.field().startsWith("amount."), f.toString()));
        }
    }

    @Property(tries = 500, seed = "20261123")
    void anyRequestEitherBuildsWithinTheRulesOrNamesEveryBrokenField(
            @ForAll("amountTexts") String amount, @ForAll("currencyTexts") String currency, @ForAll("sources") PaymentSource source,
            @ForAll("texts") String reference, @ForAll("texts") String transactionId, @ForAll("texts") String key) {
        try {
            CreditRequest r = CreditRequest.builder().amount(amount, currency).source(source).merchantReference(reference)
                    .transactionId(transactionId).idempotencyKey(key).build();
            assertTrue(r.merchantReference().map(String::length).orElse(0) <= CreditRequest.MAX_REFERENCE_LENGTH);
            assertTrue(r.idempotencyKey().length() <= CreditRequest.MAX_IDEMPOTENCY_KEY_LENGTH);
            if (r.source() instanceof PaymentSource.Card card) {
                assertTrue(org.standalonecredit.api.privacy.CardNumbers.isLuhnValid(card.number()));
            }
        } catch (InvalidRequestException e) {
            for (FieldError f : e.errors()) {
                assertTrue(KNOWN_FIELDS.contains(f.field()), "unexpected field " + f.field());
            }
            if (source instanceof PaymentSource.Card card && card.number() != null && card.number().length() >= 12) {
                assertFalse(e.getMessage().contains(card.number()), "the message must not carry the card number");
            }
        }
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("JPY", "USD", "EUR", "KWD", "BHD", "THB", "INR", "CLP");
    }

    @Provide
    Arbitrary<String> currencyTexts() {
        return Arbitraries.oneOf(currencies(), Arbitraries.strings().ofMaxLength(4), Arbitraries.of("usd", "XXX", "XAU", "", "ZZZ"));
    }

    @Provide
    Arbitrary<String> amountTexts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-10), new BigDecimal("1e13")).ofScale(4).map(BigDecimal::toPlainString),
                Arbitraries.strings().withChars("0123456789.-e+ ,").ofMaxLength(16),
                Arbitraries.of("0", "0.00", "1", "10.00", "10.001", "1e3", "", " 10"));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70), Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(40),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<PaymentSource> sources() {
        Arbitrary<String> pans = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(20),
                Arbitraries.of("4111111111111111", "4111111111111112", "5500007287297385", "abcd"));
        Arbitrary<CardExpiry> expiries = Combinators.combine(Arbitraries.integers().between(0, 13), Arbitraries.integers().between(1999, 2101))
                .as(CardExpiry::of);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(70).map(PaymentSource::customerToken),
                Combinators.combine(pans, expiries, Arbitraries.of("123", "1234", "12", "abc")).as((p, e, c) -> PaymentSource.card(p, e, c, null)));
    }
}
