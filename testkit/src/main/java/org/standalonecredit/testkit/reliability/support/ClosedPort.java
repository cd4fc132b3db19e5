package org.standalonecredit.testkit.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on: a connect to it is refused at once. */
public final class ClosedPort {
    private ClosedPort() {
    }

    public static String baseUrl() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
