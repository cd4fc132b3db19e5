package org.standalonecredit.testkit.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.standalonecredit.testkit.reliability.support.RawHttp;
import org.standalonecredit.testkit.reliability.support.RawServer;

/**
 * What a {@link FaultProxy} does to a gateway's real answer on its way back. The gateway has already
 * processed the request, so the ledger tells the truth while the client sees the fault.
 */
enum ResponseFault {
    /** The answer padded with JSON whitespace past {@link #OVERSIZE_BYTES}, announced in Content-Length. */
    OVERSIZE_DECLARED,
    /** The same padded answer without Content-Length, streamed until the connection closes. */
    OVERSIZE_STREAMED,
    /** Headers at once, then the body one byte every {@link #DRIP_INTERVAL}: it never finishes in time. */
    DRIP_BODY,
    /** The whole answer, status line and headers included, one byte every {@link #DRIP_INTERVAL}. */
    DRIP_HEADERS,
    /** The answer object with every member written twice ({@code {"a":1,"a":1}}): no reader may let the last one win. */
    DUPLICATE_KEYS,
    /** No answer at all, and the proxy stops listening: a re-send finds the connection refused. */
    LOST_THEN_REFUSED;

    /** Larger than the 1024-byte cap the matrix configures ({@code credit.http.max-response-bytes}). */
    public static final int OVERSIZE_BYTES = 64 * 1024;
    /** Well under the response timeout, so every read succeeds and only the overall deadline can stop it. */
    public static final Duration DRIP_INTERVAL = Duration.ofMillis(40);
    private static final List<String> FRAMING = List.of("Content-Length", "Transfer-Encoding", "Connection");

    /** Writes {@code answer} to {@code client} with this fault, and closes the socket when done. */
    public void write(Socket client, RawHttp.Message answer, ScheduledExecutorService scheduler) throws IOException {
        OutputStream out = client.getOutputStream();
        switch (this) {
            case OVERSIZE_DECLARED -> {
                byte[] body = padded(answer.body());
                out.write(answer.withHeaders(FRAMING, List.of("Content-Length: " + body.length, "Connection: close")).head());
                out.write(body);
                out.flush();
                RawServer.quietlyClose(client);
            }
            case OVERSIZE_STREAMED -> {
                out.write(answer.withHeaders(FRAMING, List.of("Connection: close")).head());
                out.write(padded(answer.body()));
                out.flush();
                RawServer.quietlyClose(client);
            }
            case DRIP_BODY -> {
                out.write(answer.withHeaders(FRAMING, List.of("Content-Length: " + answer.body().length)).head());
                out.flush();
                drip(client, out, answer.body(), 0, scheduler);
            }
            case DRIP_HEADERS -> {
                RawHttp.Message framed = answer.withHeaders(FRAMING, List.of("Content-Length: " + answer.body().length));
                byte[] head = framed.head();
                byte[] all = Arrays.copyOf(head, head.length + answer.body().length);
                System.arraycopy(answer.body(), 0, all, head.length, answer.body().length);
                drip(client, out, all, 0, scheduler);
            }
            case DUPLICATE_KEYS -> {
                byte[] body = everyMemberTwice(answer.body());
                out.write(answer.withHeaders(FRAMING, List.of("Content-Length: " + body.length, "Connection: close")).head());
                out.write(body);
                out.flush();
                RawServer.quietlyClose(client);
            }
            case LOST_THEN_REFUSED -> RawServer.quietlyClose(client); // the proxy itself stops listening
        }
    }

    /** {@code {members}} becomes {@code {members,members}}; anything that is not a non-empty object stays as it is. */
    private static byte[] everyMemberTwice(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!text.startsWith("{") || !text.endsWith("}") || text.length() < 3) {
            return body;
        }
        String members = text.substring(1, text.length() - 1);
        return ("{" + members + "," + members + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] padded(byte[] body) {
        byte[] padded = Arrays.copyOf(body, Math.max(body.length, OVERSIZE_BYTES));
        Arrays.fill(padded, body.length, padded.length, (byte) ' ');
        return padded;
    }

    private static void drip(Socket client, OutputStream out, byte[] body, int next, ScheduledExecutorService scheduler) {
        if (next >= body.length) {
            RawServer.quietlyClose(client);
            return;
        }
        try {
            out.write(body[next]);
            out.flush();
            scheduler.schedule(() -> drip(client, out, body, next + 1, scheduler), DRIP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RejectedExecutionException e) {
            RawServer.quietlyClose(client); // the client gave up (its deadline), or the server is closing
        }
    }
}
