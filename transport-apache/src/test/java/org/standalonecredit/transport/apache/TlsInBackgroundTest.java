package org.standalonecredit.transport.apache;

import org.standalonecredit.api.transport.TransportFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Socket;
import java.security.KeyStoreException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class TlsInBackgroundTest {

    @Test
    void aSetUpThatFailedIsATlsFailureAtTheFirstConnectionBeforeAnythingIsSent() {
        TlsInBackground tls = TlsInBackground.start(() -> {
            throw new KeyStoreException("trust store unreadable");
        });
        SSLException e = assertThrows(SSLException.class, () -> tls.upgrade(new Socket(), "gateway.test", 443, null, null));
        assertEquals("TLS could not be set up: KeyStoreException", e.getMessage());
        TransportFailure failure = ApacheHttpTransport.classify(e, true, false);
        assertEquals(TransportFailure.Kind.TLS_FAILURE, failure.kind());
        assertEquals(TransportFailure.Delivery.NOT_SENT, failure.delivery());
    }

    @Test
    void everyConnectionUsesTheOneStrategySetUpOnce() throws Exception {
        AtomicInteger setUps = new AtomicInteger();
        javax.net.ssl.SSLSocket upgraded = org.mockito.Mockito.mock(javax.net.ssl.SSLSocket.class);
        TlsInBackground tls = TlsInBackground.start(() -> {
            setUps.incrementAndGet();
            return (socket, target, port, attachment, context) -> upgraded;
        });
        assertSame(upgraded, tls.upgrade(new Socket(), "gateway.test", 443, null, null));
        assertSame(upgraded, tls.upgrade(new Socket(), "gateway.test", 443, null, null));
        assertEquals(1, setUps.get());
    }
}
