package org.standalonecredit.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.spi.ProviderCapabilities;

/** A provider writes only what it declares: the follow-ups it does not implement refuse, sending nothing. */
class FollowUpDefaultsTest {

    /** Declares every follow-up yet implements none, so each call reaches the base class's default. */
    private static final class CreditOnlyGateway extends AbstractCreditGateway {
        CreditOnlyGateway() {
            super("credit-only", new ProviderCapabilities(EnumSet.of(SourceKind.CARD), EnumSet.allOf(FollowUp.class)));
        }

        @Override
        protected CreditResult sendCredit(CreditRequest request) {
            throw new AssertionError("not called");
        }

        @Override
        protected void release() {
        }
    }

    @Test
    void anUnimplementedVoidRefusesNamingTheFollowUp() {
        try (CreditOnlyGateway gateway = new CreditOnlyGateway()) {
            UnsupportedFollowUpException plain = assertThrows(UnsupportedFollowUpException.class,
                    () -> gateway.voidCredit(VoidRequest.ofCredit("tx-1")));
            assertTrue(plain.getMessage().contains("'credit-only'") && plain.getMessage().endsWith(" VOID"), plain.getMessage());
            UnsupportedFollowUpException timeout = assertThrows(UnsupportedFollowUpException.class,
                    () -> gateway.voidCredit(VoidRequest.timeout("merchant-tx-1")));
            assertTrue(timeout.getMessage().endsWith(" TIMEOUT_VOID"), timeout.getMessage());
        }
    }

    @Test
    void anUnimplementedStatusLookUpRefusesNamingTheFollowUp() {
        try (CreditOnlyGateway gateway = new CreditOnlyGateway()) {
            UnsupportedFollowUpException e = assertThrows(UnsupportedFollowUpException.class,
                    () -> gateway.status(StatusQuery.byMerchantReference("ref-1")));
            assertTrue(e.getMessage().endsWith(" STATUS_BY_MERCHANT_REFERENCE"), e.getMessage());
        }
    }
}
