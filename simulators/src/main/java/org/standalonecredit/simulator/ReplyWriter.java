package org.standalonecredit.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link Reply} to an exchange, applying transport faults. Delays are handled by the caller.
 *
 * <p>How faults are produced with the JDK server: closing an exchange before {@code sendResponseHeaders}
 * makes the server close the TCP connection without writing anything; closing it after writing fewer bytes
 * than the announced fixed Content-Length makes it close the connection mid-body.
 */
final class ReplyWriter {
    static final byte[] MALFORMED = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML_PROXY_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private ReplyWriter() {
    }

    static void write(HttpExchange exchange, Reply reply) {
        try {
            Behaviour fault = reply.fault();
            if (fault == null || fault == Behaviour.DELAY) {
                send(exchange, reply.status(), reply.headers(), reply.bodyUnsafe());
                return;
            }
            switch (fault) {
                case CLOSE_CONNECTION -> abort(exchange);
                case TRUNCATED_BODY -> truncated(exchange, reply);
                case MALFORMED_BODY -> send(exchange, reply.status() / 100 == 2 ? reply.status() : 201,
                        reply.headers(), MALFORMED);
                case EMPTY_BODY -> send(exchange, 201, reply.headers(), new byte[0]);
                case HTML_BODY -> send(exchange, 502, Map.of("Content-Type", "text/html"), HTML_PROXY_PAGE);
                default -> send(exchange, reply.status(), reply.headers(), reply.bodyUnsafe());
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
            exchange.close();
        }
    }

    /** Drops the connection without a single response byte. */
    static void abort(HttpExchange exchange) {
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        exchange.close();
    }

    private static void truncated(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.bodyUnsafe();
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        int full = Math.max(body.length, 2);
        exchange.sendResponseHeaders(reply.status(), full);
        OutputStream os = exchange.getResponseBody();
        os.write(body, 0, Math.min(body.length, full / 2));
        os.flush();
        // closing the exchange with bytes still owed makes the server close the connection
        exchange.close();
    }
}
