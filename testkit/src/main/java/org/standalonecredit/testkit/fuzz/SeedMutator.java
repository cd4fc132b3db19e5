package org.standalonecredit.testkit.fuzz;

import static org.standalonecredit.simulator.fixtures.TestCards.AMEX;
import static org.standalonecredit.simulator.fixtures.TestCards.COMMERCE_HUB_SANDBOX;
import static org.standalonecredit.simulator.fixtures.TestCards.DISCOVER;
import static org.standalonecredit.simulator.fixtures.TestCards.MASTERCARD;
import static org.standalonecredit.simulator.fixtures.TestCards.MASTERCARD_2;
import static org.standalonecredit.simulator.fixtures.TestCards.VISA;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A mutational fuzzer for the property tests: takes a seed answer of a fuzz target's corpus and applies
 * one to three mutations, byte-level (flips, truncation, deletion, repetition, stray tokens, another
 * status) or JSON-aware (type swaps, huge numbers, deep nesting, NaN and Infinity, duplicate keys, card
 * numbers as values and keys). Every mutation is a pure function of the seed and its two numbers, so a
 * failing case is reproduced from what jqwik reports.
 */
public final class SeedMutator {
    public enum Kind {
        FLIP_BYTE, TRUNCATE, DELETE_RANGE, REPEAT_RANGE, INSERT_TOKEN, STATUS,
        SWAP_TYPE, HUGE_NUMBER, DEEP_NESTING, NON_FINITE, DUPLICATE_KEY, CARD_NUMBER
    }

    public record Mutation(Kind kind, int where, int what) {
        @Override
        public String toString() {
            return kind + "(" + where + "," + what + ")";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] INTERESTING_BYTES = {'"', '{', '}', '[', ']', ':', ',', '\\', 0, (byte) 0xFF, (byte) 0xC3, '\n', '9', 'e', '-', '.'};
    private static final String[] TOKENS = {"null", "\"\"", "{}", "[]", "0", "-", "1e309", "\\u0000", "\"" + VISA + "\"", ",", ":",
            "\"\\ud800\"", "\u00e9", "}}}}", "]]]]"};
    private static final int[] STATUSES = {200, 201, 202, 204, 299, 300, 302, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504, 0, 99, 999};
    private static final String[] HUGE_NUMBERS = {"1e999999", "-1e-999999", "123456789012345678901234567890123456789", "99999999999999999999.99",
            "-0", "1E+2147483647", "0.000000000000000000000000000001", "9".repeat(1200), "1" + "0".repeat(400) + ".5", "-9223372036854775809",
            "\"1e999999\"", "\"" + "9".repeat(1200) + "\""};
    private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity", "+Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400"};
    private static final String[] CARD_NUMBERS = {"\"" + VISA + "\"", VISA, "\"card " + MASTERCARD + " was declined\"",
            "0." + VISA, VISA + ".0", "\"\\u0034" + MASTERCARD_2 + "\"", "\"" + VISA + " " + COMMERCE_HUB_SANDBOX + "\"",
            "[\"" + AMEX + "\"]", "\"" + DISCOVER + "\""};
    private static final int[] DEPTHS = {64, 500, 999, 1001, 5000};

    private SeedMutator() {
    }

    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(0, 1_000_000)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    /** The names of the corpus files of one fuzz test method, sorted. */
    public static List<String> seedNames(Class<?> fuzzTest, String method) {
        try (Stream<Path> files = Files.list(seedDirectory(fuzzTest, method))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] seed(Class<?> fuzzTest, String method, String name) {
        try {
            return Files.readAllBytes(seedDirectory(fuzzTest, method).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path seedDirectory(Class<?> fuzzTest, String method) {
        String dir = fuzzTest.getSimpleName() + "Inputs/" + method;
        URL url = fuzzTest.getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no corpus " + dir + " next to " + fuzzTest.getName());
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies {@code mutations} in turn. {@code bodyOffset} tells where the body of an input starts
     * (after a status line and headers), for the JSON-aware mutations; null means the input is all body.
     */
    public static byte[] apply(byte[] seed, List<Mutation> mutations, java.util.function.ToIntFunction<byte[]> bodyOffset) {
        byte[] input = seed;
        for (Mutation m : mutations) {
            input = apply(input, m, bodyOffset);
        }
        return input;
    }

    private static byte[] apply(byte[] in, Mutation m, java.util.function.ToIntFunction<byte[]> bodyOffset) {
        int n = in.length;
        switch (m.kind()) {
            case FLIP_BYTE -> {
                if (n == 0) {
                    return new byte[] {INTERESTING_BYTES[m.what() % INTERESTING_BYTES.length]};
                }
                byte[] out = in.clone();
                int at = m.where() % n;
                out[at] = m.what() % 2 == 0 ? (byte) (out[at] ^ (1 << (m.what() / 2 % 8))) : INTERESTING_BYTES[m.what() / 2 % INTERESTING_BYTES.length];
                return out;
            }
            case TRUNCATE -> {
                return Arrays.copyOf(in, n == 0 ? 0 : m.where() % n);
            }
            case DELETE_RANGE -> {
                if (n == 0) {
                    return in;
                }
                int from = m.where() % n;
                int to = Math.min(n, from + 1 + m.what() % 16);
                return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, n));
            }
            case REPEAT_RANGE -> {
                if (n == 0) {
                    return in;
                }
                int from = m.where() % n;
                int to = Math.min(n, from + 1 + m.what() % 32);
                byte[] range = Arrays.copyOfRange(in, from, to);
                byte[] repeated = range;
                for (int i = 0; i < m.what() % 4; i++) {
                    repeated = concat(repeated, range);
                }
                return concat(Arrays.copyOfRange(in, 0, to), repeated, Arrays.copyOfRange(in, to, n));
            }
            case INSERT_TOKEN -> {
                int at = n == 0 ? 0 : m.where() % (n + 1);
                byte[] token = TOKENS[m.what() % TOKENS.length].getBytes(StandardCharsets.UTF_8);
                return concat(Arrays.copyOfRange(in, 0, at), token, Arrays.copyOfRange(in, at, n));
            }
            case STATUS -> {
                int offset = bodyOffset == null ? 0 : bodyOffset.applyAsInt(in);
                if (bodyOffset == null) {
                    return in;
                }
                byte[] status = (STATUSES[m.what() % STATUSES.length] + "\n").getBytes(StandardCharsets.US_ASCII);
                int lineEnd = indexOf(in, (byte) '\n');
                boolean hasStatusLine = offset > 0 && lineEnd >= 0;
                return concat(status, hasStatusLine ? Arrays.copyOfRange(in, lineEnd + 1, n) : in);
            }
            default -> {
                int offset = bodyOffset == null ? 0 : bodyOffset.applyAsInt(in);
                byte[] head = Arrays.copyOfRange(in, 0, offset);
                byte[] body = Arrays.copyOfRange(in, offset, n);
                byte[] mutated = mutateJson(body, m);
                return mutated == null ? apply(in, new Mutation(Kind.FLIP_BYTE, m.where(), m.what()), bodyOffset) : concat(head, mutated);
            }
        }
    }

    /** A JSON-aware mutation of a body, or null when the body is not a JSON object or array. */
    private static byte[] mutateJson(byte[] body, Mutation m) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!(root instanceof ContainerNode<?>)) {
            return null;
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        Map<String, String> raw = new LinkedHashMap<>();
        if (m.kind() == Kind.DUPLICATE_KEY || (m.kind() == Kind.CARD_NUMBER && m.what() % 5 == 4)) {
            List<ObjectNode> objects = new ArrayList<>();
            if (root.isObject()) {
                objects.add((ObjectNode) root);
            }
            slots.stream().map(Slot::node).filter(JsonNode::isObject).map(ObjectNode.class::cast).forEach(objects::add);
            objects.removeIf(o -> o.isEmpty() && m.kind() == Kind.DUPLICATE_KEY);
            if (objects.isEmpty()) {
                return null;
            }
            ObjectNode target = objects.get(m.where() % objects.size());
            String placeholder = "\uE001" + raw.size() + "\uE001";
            if (m.kind() == Kind.DUPLICATE_KEY) {
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                String name = names.get(m.what() % names.size());
                raw.put(quote(placeholder), quote(name));
                JsonNode[] values = {TextNode.valueOf("duplicate"), NullNode.getInstance(), target.get(name).deepCopy(), IntNode.valueOf(1),
                        JSON.createObjectNode()};
                target.set(placeholder, values[m.what() / 5 % values.length]);
            } else {
                raw.put(quote(placeholder), quote(VISA));
                target.put(placeholder, "card-number-as-key");
            }
            return serialize(root, raw);
        }
        if (slots.isEmpty()) {
            return null;
        }
        Slot slot = slots.get(m.where() % slots.size());
        String placeholder = "\uE000" + raw.size() + "\uE000";
        JsonNode replacement = TextNode.valueOf(placeholder);
        switch (m.kind()) {
            case SWAP_TYPE -> {
                JsonNode old = slot.node();
                JsonNode[] choices = {TextNode.valueOf(old.asText()), IntNode.valueOf(0), DecimalNode.valueOf(new BigDecimal("-1.5")),
                        BooleanNode.TRUE, NullNode.getInstance(), JSON.createObjectNode(), JSON.createArrayNode(),
                        JSON.createArrayNode().add(old.deepCopy()), JSON.createObjectNode().set("value", old.deepCopy()), TextNode.valueOf("")};
                replacement = choices[m.what() % choices.length];
            }
            case HUGE_NUMBER -> raw.put(quote(placeholder), HUGE_NUMBERS[m.what() % HUGE_NUMBERS.length]);
            case NON_FINITE -> raw.put(quote(placeholder), NON_FINITE[m.what() % NON_FINITE.length]);
            case CARD_NUMBER -> raw.put(quote(placeholder), CARD_NUMBERS[m.what() % CARD_NUMBERS.length]);
            case DEEP_NESTING -> {
                int depth = DEPTHS[m.what() % DEPTHS.length];
                boolean objects = m.what() / DEPTHS.length % 2 == 1;
                String open = objects ? "{\"a\":" : "[";
                String close = objects ? "}" : "]";
                raw.put(quote(placeholder), open.repeat(depth) + "1" + close.repeat(depth));
            }
            default -> throw new IllegalStateException(m.kind().toString());
        }
        slot.replace(replacement);
        return serialize(root, raw);
    }

    /** The tree as text with the raw tokens put in, or null when it cannot be written (nested too deep). */
    private static byte[] serialize(JsonNode root, Map<String, String> raw) {
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return null;
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index, JsonNode node) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                slots.add(new Slot(o, f.getKey(), -1, f.getValue()));
                collect(f.getValue(), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i, a.get(i)));
                collect(a.get(i), slots);
            }
        }
    }

    private static int indexOf(byte[] in, byte b) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
