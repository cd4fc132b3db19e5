package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An H2 journal is durable before a claim returns, whatever the URL forgot to say. */
class JdbcUrlsTest {

    @Test
    void anH2UrlWithoutWriteDelayGetsNone() {
        assertEquals("jdbc:h2:file:/var/lib/app/journal;WRITE_DELAY=0", JdbcUrls.durable("jdbc:h2:file:/var/lib/app/journal"));
        assertEquals("jdbc:h2:file:/j;AUTO_SERVER=TRUE;WRITE_DELAY=0", JdbcUrls.durable("jdbc:h2:file:/j;AUTO_SERVER=TRUE"));
    }

    @Test
    void aWriteDelayTheUrlSetsAndOtherDatabasesAreLeftAlone() {
        assertEquals("jdbc:h2:file:/j;write_delay=100", JdbcUrls.durable("jdbc:h2:file:/j;write_delay=100"));
        assertEquals("jdbc:postgresql://db/credits", JdbcUrls.durable("jdbc:postgresql://db/credits"));
        assertEquals("jdbc:h2:mem:j;DB_CLOSE_DELAY=-1", JdbcUrls.durable("jdbc:h2:mem:j;DB_CLOSE_DELAY=-1"));
    }
}
