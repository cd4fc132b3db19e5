package org.standalonecredit.testkit.conformance.minihub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/** A provider's further subject (another configuration mode) is named by its variant and configures the same provider. */
class SubjectVariantTest {

    private static ConformanceSubject variant(String name) {
        return new MiniHubSubject() {
            @Override
            public String variant() {
                return name;
            }
        };
    }

    @Test
    void aSubjectWithoutVariantIsNamedByItsProviderId() {
        ConformanceSubject subject = new MiniHubSubject();

        assertEquals("", subject.variant());
        assertEquals("mini-hub", subject.displayName());
        assertEquals("mini-hub", ProviderUnderTest.of(subject).id());
    }

    @Test
    void aVariantIsNamedInBracketsAfterTheProviderIdAndStillConfiguresTheProvider() {
        ProviderUnderTest provider = ProviderUnderTest.of(variant("other-mode"));

        assertEquals("mini-hub[other-mode]", provider.id());
        assertEquals("mini-hub[other-mode]", provider.toString());
        assertEquals("mini-hub", provider.providerId());
        assertEquals("mini-hub", provider.configuration("http://127.0.0.1:9").get("credit.gateway"));
    }

    @Test
    void theSuiteOfAVariantRunsInAContainerNamedAfterIt() {
        assertEquals("mini-hub[other-mode]", ConformanceSuite.of(variant("other-mode")).named().getDisplayName());
        assertEquals(ConformanceSuite.of(new MiniHubSubject()).tests().count(),
                ConformanceSuite.of(variant("other-mode")).named().getChildren().count());
    }
}
