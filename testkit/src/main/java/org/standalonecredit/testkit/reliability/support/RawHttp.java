package org.standalonecredit.testkit.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Just enough HTTP/1.1 to read a request or a response off a socket and write one back, byte for byte. */
public final class RawHttp {
    private static final int MAX_HEAD = 64 * 1024;

    private RawHttp() {
    }

    /** A start line, its header lines, and the body bytes. */
    public record Message(String startLine, List<String> headers, byte[] body) {

        /** The message with these headers removed (case-insensitive) and {@code extra} added. */
        public Message withHeaders(List<String> remove, List<String> extra) {
            List<String> kept = new ArrayList<>();
            for (String h : headers) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (remove.stream().noneMatch(r -> r.equalsIgnoreCase(name))) {
                    kept.add(h);
                }
            }
            kept.addAll(extra);
            return new Message(startLine, kept, body);
        }

        /** The start line and headers, ending with the empty line. */
        public byte[] head() {
            StringBuilder sb = new StringBuilder(startLine).append("\r\n");
            headers.forEach(h -> sb.append(h).append("\r\n"));
            return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        public int contentLength() {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                    return Integer.parseInt(h.substring(colon + 1).trim());
                }
            }
            return 0;
        }
    }

    /** Reads one request: head, then as many body bytes as Content-Length says. */
    public static Message readRequest(InputStream in) throws IOException {
        Message head = readHead(in);
        byte[] body = in.readNBytes(head.contentLength());
        return new Message(head.startLine(), head.headers(), body);
    }

    /** Reads a response from a connection the server closes after answering (the request said Connection: close). */
    public static Message readResponseUntilClose(InputStream in) throws IOException {
        Message head = readHead(in);
        return new Message(head.startLine(), head.headers(), in.readAllBytes());
    }

    private static Message readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the head");
            }
            buf.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (buf.size() > MAX_HEAD) {
                throw new IOException("head too large");
            }
        }
        String[] lines = buf.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                headers.add(lines[i]);
            }
        }
        return new Message(lines[0], headers, new byte[0]);
    }
}
