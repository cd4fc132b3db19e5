package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.api.StandaloneCredit;

/**
 * The typed sections of {@link StandaloneCreditProperties} are the shipped providers' own key lists
 * ({@code CreditProvider.configurationKeys()}), no more and no fewer: a key added to a provider fails here until the
 * starter binds it, so IDE completion never lags behind.
 */
class TypedKeysMatchProvidersTest {

    @ParameterizedTest
    @ValueSource(strings = {"cybersource", "visa-acceptance", "commerce-hub"})
    void typedKeysAreTheProvidersKeys(String providerId) {
        Map<String, Object> all = StandaloneCreditPropertiesKeys.allKeys();
        Set<String> typed = all.keySet().stream().filter(k -> k.startsWith(providerId + "."))
                .map(k -> k.substring(providerId.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(typed).isEqualTo(new TreeSet<>(StandaloneCredit.providers().get(providerId).configurationKeys()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http.connect-timeout", "http.response-timeout", "http.deadline", "http.max-response-bytes",
        "http.max-connections", "http.proxy", "retry.max-attempts", "retry.max-resends-after-sent", "retry.backoff",
        "journal.type", "journal.url", "journal.user", "journal.password", "journal.table", "journal.pool-size"})
    void theReadmesSharedKeysAreBound(String key) {
        assertThat(StandaloneCreditPropertiesKeys.allKeys()).containsKey(key);
    }
}
