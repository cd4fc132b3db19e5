package org.standalonecredit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.privacy.ControlCharacters;
import org.standalonecredit.api.privacy.Masking;

/**
 * The only way text from an operator or a gateway leaves the tool (terminal, JSON, audit log): card-number-like
 * digit runs masked ({@link Masking#maskText}), and characters that could rewrite a terminal line escaped.
 */
final class Shown {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    private Shown() {
    }

    /** Masked, with control, separator and bidi characters shown as {@code \}{@code uXXXX}. */
    static String text(String value) {
        return ControlCharacters.escape(Masking.maskText(value));
    }

    /** {@link #text} of {@code String.valueOf(value)}, for values that may be null. */
    static String text(Object value) {
        return text(String.valueOf(value));
    }

    /** One JSON line: every text value masked, every unsafe character escaped by the writer. */
    static String jsonLine(ObjectNode node) {
        try {
            return JSON.writeValueAsString(masked(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String prettyJson(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(masked(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode masked(JsonNode node) {
        if (node.isTextual()) {
            String masked = Masking.maskText(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        if (node instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(o.properties());
            fields.forEach(f -> o.set(f.getKey(), masked(f.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, masked(a.get(i)));
            }
        }
        return node;
    }

    /** Jackson escapes C0 controls itself; this adds DEL, the C1 controls, the separators and the bidi characters. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch > Character.MAX_VALUE || !ControlCharacters.isUnsafe((char) ch)) {
                return null;
            }
            return new SerializedString(ControlCharacters.escape(String.valueOf((char) ch)));
        }
    }
}
