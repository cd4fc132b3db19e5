package org.standalonecredit.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.InboundResponse;

/**
 * A gateway answer as a fuzz input, written like a bare HTTP response so that corpus files stay
 * readable: a first line with the status (1 to 3 digits), then optionally {@code Name: value} header
 * lines closed by an empty line, then the body. Input that does not start with a status line is all
 * body, answered with the target's usual status. Every byte sequence is a valid input.
 */
public record FuzzAnswer(int status, List<Header> headers, byte[] body) {
    private static final int MAX_HEADERS = 8;

    public static FuzzAnswer parse(byte[] input, int usualStatus) {
        int lineEnd = lineEnd(input, 0);
        if (lineEnd < 0 || !line(input, 0, lineEnd).matches("[0-9]{1,3}")) {
            return new FuzzAnswer(usualStatus, List.of(), input);
        }
        int status = Integer.parseInt(line(input, 0, lineEnd));
        int afterStatus = lineEnd + 1;
        List<Header> headers = new ArrayList<>();
        int bodyStart = afterStatus;
        int at = afterStatus;
        while (true) {
            int end = lineEnd(input, at);
            String line = end < 0 ? null : line(input, at, end);
            if (line == null || (!line.isEmpty() && (headers.size() == MAX_HEADERS || line.indexOf(':') <= 0))) {
                headers.clear(); // no well-formed header block: the body starts right after the status line
                break;
            }
            at = end + 1;
            if (line.isEmpty()) {
                bodyStart = at;
                break;
            }
            int colon = line.indexOf(':');
            headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return new FuzzAnswer(status, List.copyOf(headers), Arrays.copyOfRange(input, bodyStart, input.length));
    }

    public InboundResponse response() {
        return new InboundResponse(status, headers, body);
    }

    private static int lineEnd(byte[] input, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String line(byte[] input, int from, int to) {
        String s = new String(input, from, to - from, StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
