package org.standalonecredit.kit.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One JSON value, immutable: an object (its members in the order they were read or put), an array, a string,
 * a number, {@code true}, {@code false} or {@code null}; or {@link #MISSING}, what navigation gives for a path
 * that is not there, so that a chain of {@link #path} or {@link #at} calls never needs a null check.
 * {@link JsonTrees} reads and writes it with jackson-core; {@link #object()} and {@link #array()} build one.
 *
 * <p>A number keeps the {@link BigDecimal} it was written as, with its scale ({@code 10.00} stays
 * {@code 10.00}), and whether it was written as an integer (no fraction, no exponent: {@link #isIntegral()}).
 */
public abstract sealed class JsonValue implements Iterable<JsonValue> {
    /** What a value is. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    public static final JsonValue NULL = new Constant(Kind.NULL, null);
    public static final JsonValue TRUE = new Constant(Kind.BOOLEAN, Boolean.TRUE);
    public static final JsonValue FALSE = new Constant(Kind.BOOLEAN, Boolean.FALSE);
    /** Not a JSON value: what {@link #path}, {@link #at} and {@link JsonReads#at} give for what is not there. */
    public static final JsonValue MISSING = new Constant(Kind.MISSING, null);

    /** A provider reads a fixed set of paths: each pointer is compiled once instead of per answer. */
    private static final ConcurrentMap<String, Pointer> POINTERS = new ConcurrentHashMap<>();
    /** A bound in case a caller ever builds pointers from data: past it, pointers are compiled and not kept. */
    private static final int MAX_CACHED_POINTERS = 256;

    /*
     * One small class per kind, each with one field (a read answer is mostly small values: 16 bytes each, as
     * databind's nodes were), rather than one class with a kind, a value and a flag.
     */
    private JsonValue() {
    }

    public abstract Kind kind();

    /** A Map of the members, a List of the elements, the String, the BigDecimal, the Boolean, or null. */
    abstract Object value();

    /** A string; JSON null for a null string. */
    public static JsonValue of(String text) {
        return text == null ? NULL : new Text(text);
    }

    /** A number as the decimal is, its scale kept; JSON null for a null decimal. */
    public static JsonValue of(BigDecimal number) {
        return number == null ? NULL : new Decimal(number);
    }

    /** An integer. */
    public static JsonValue of(long number) {
        return new Integral(BigDecimal.valueOf(number));
    }

    public static JsonValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** A number as a parser read it: {@code integral} when it was written without a fraction or an exponent. */
    static JsonValue number(BigDecimal number, boolean integral) {
        return integral ? new Integral(number) : new Decimal(number);
    }

    /** An object over these members, which the caller hands over and no longer changes. */
    static JsonValue object(Members members) {
        return new ObjectValue(members);
    }

    /** An array over these elements, which the caller hands over and no longer changes. */
    static JsonValue array(List<JsonValue> elements) {
        return new ArrayValue(elements);
    }

    /** A builder of a new object, its members written in the order they are first put. */
    public static ObjectBuilder object() {
        return new ObjectBuilder(new Tree());
    }

    /** A builder of a new array. */
    public static ArrayBuilder array() {
        return new ArrayBuilder(new Tree());
    }

    public boolean isObject() { return kind() == Kind.OBJECT; }
    public boolean isArray() { return kind() == Kind.ARRAY; }
    public boolean isText() { return kind() == Kind.STRING; }
    public boolean isNumber() { return kind() == Kind.NUMBER; }
    /** A number written as an integer: no fraction and no exponent ({@code 10}, not {@code 10.0} or {@code 1E+1}). */
    public boolean isIntegral() { return this instanceof Integral; }
    public boolean isBoolean() { return kind() == Kind.BOOLEAN; }
    /** JSON {@code null}; not {@link #isMissing() missing}. */
    public boolean isNull() { return kind() == Kind.NULL; }
    public boolean isMissing() { return kind() == Kind.MISSING; }
    /** A string, a number or a boolean: a value with a text of its own. */
    public boolean isScalar() { return kind() == Kind.STRING || kind() == Kind.NUMBER || kind() == Kind.BOOLEAN; }

    /** The string, or null when this is not a string. */
    public String text() {
        return kind() == Kind.STRING ? (String) value() : null;
    }

    /** The number, or null when this is not a number. */
    public BigDecimal decimal() {
        return kind() == Kind.NUMBER ? (BigDecimal) value() : null;
    }

    /**
     * Any scalar as text: a string as it is, a number as {@link BigDecimal#toString()} writes it ({@code 10.00},
     * {@code 42}, {@code 1.5E-7}), {@code true}, {@code false} and {@code null} as in JSON; an object, an array
     * or a missing value as {@code ""}.
     */
    public String asText() {
        switch (kind()) {
            case STRING:
                return (String) value();
            case NUMBER:
            case BOOLEAN:
                return value().toString();
            case NULL:
                return "null";
            default:
                return "";
        }
    }

    /** The members of an object and the elements of an array; 0 for anything else. */
    public int size() {
        switch (kind()) {
            case OBJECT:
                return map().size();
            case ARRAY:
                return list().size();
            default:
                return 0;
        }
    }

    /** True when this is an object with a member of that name, even one whose value is null. */
    public boolean has(String name) {
        return kind() == Kind.OBJECT && map().containsKey(name);
    }

    /** The member of that name; {@link #MISSING} when there is none or this is not an object. */
    public JsonValue path(String name) {
        return kind() == Kind.OBJECT ? map().getOrDefault(name, MISSING) : MISSING;
    }

    /** The element at that index; {@link #MISSING} when there is none or this is not an array. */
    public JsonValue path(int index) {
        if (kind() != Kind.ARRAY) {
            return MISSING;
        }
        List<JsonValue> elements = list();
        return index >= 0 && index < elements.size() ? elements.get(index) : MISSING;
    }

    /**
     * The value at a JSON pointer (RFC 6901: {@code "/a/b/0"}, {@code ~1} for {@code /} and {@code ~0} for
     * {@code ~} in a name; {@code ""} is this value); {@link #MISSING} when any step is not there. A step
     * into an array is an index ({@code 0}, {@code 12}; not {@code 01} or {@code -1}).
     *
     * @throws IllegalArgumentException when the pointer is neither empty nor starts with {@code /}
     */
    public JsonValue at(String pointer) {
        Pointer compiled = POINTERS.get(pointer);
        if (compiled == null) {
            compiled = Pointer.compile(pointer);
            if (POINTERS.size() < MAX_CACHED_POINTERS) {
                Pointer cached = POINTERS.putIfAbsent(pointer, compiled);
                compiled = cached != null ? cached : compiled;
            }
        }
        JsonValue at = this;
        for (int i = 0; i < compiled.names.length && !at.isMissing(); i++) {
            at = at.kind() == Kind.ARRAY ? at.path(compiled.indexes[i]) : at.path(compiled.names[i]);
        }
        return at;
    }

    /** The members of an object in their order, unmodifiable; empty for anything else. */
    public Map<String, JsonValue> members() {
        return kind() == Kind.OBJECT ? Collections.unmodifiableMap(map()) : Map.of();
    }

    /** The elements of an array, unmodifiable; empty for anything else. */
    public List<JsonValue> elements() {
        return kind() == Kind.ARRAY ? Collections.unmodifiableList(list()) : List.of();
    }

    /** An object's own map, for reading without a view around it: never handed out. */
    @SuppressWarnings("unchecked")
    Map<String, JsonValue> map() {
        return (Map<String, JsonValue>) value();
    }

    /** An array's own list, for reading without a view around it: never handed out. */
    @SuppressWarnings("unchecked")
    List<JsonValue> list() {
        return (List<JsonValue>) value();
    }

    /**
     * The values this one holds: an array's elements, or an object's member values, in order; none for
     * anything else. (So a loop over an answer's list also reads a list the gateway sent as an object.)
     */
    @Override
    public Iterator<JsonValue> iterator() {
        return kind() == Kind.OBJECT ? members().values().iterator() : elements().iterator();
    }

    /** Equal kinds and equal contents: numbers by value and scale ({@code 1.0} is not {@code 1.00}), members in any order. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JsonValue v && kind() == v.kind() && isIntegral() == v.isIntegral() && Objects.equals(value(), v.value());
    }

    @Override
    public int hashCode() {
        return kind().hashCode() * 31 + Objects.hashCode(value());
    }

    /** Compact JSON, decimals as {@link BigDecimal#toString()} writes them; {@code ""} for {@link #MISSING}. */
    @Override
    public String toString() {
        return kind() == Kind.MISSING ? "" : JsonTrees.DEFAULT.writeString(this);
    }

    /** The one field of every kind. */
    private abstract static sealed class Holding extends JsonValue {
        private final Object value;

        Holding(Object value) {
            this.value = value;
        }

        @Override
        final Object value() { return value; }
    }

    /** true, false, null and missing: four instances. */
    private static final class Constant extends Holding {
        private final Kind kind;

        Constant(Kind kind, Boolean value) {
            super(value);
            this.kind = kind;
        }

        @Override
        public Kind kind() { return kind; }
    }

    private static final class Text extends Holding {
        Text(String text) { super(text); }
        @Override
        public Kind kind() { return Kind.STRING; }
    }

    /** A number written with a fraction or an exponent, or put as a BigDecimal. */
    private static final class Decimal extends Holding {
        Decimal(BigDecimal number) { super(number); }
        @Override
        public Kind kind() { return Kind.NUMBER; }
    }

    /** A number written as an integer (its BigDecimal has scale 0), or put as a long. */
    private static final class Integral extends Holding {
        Integral(BigDecimal number) { super(number); }
        @Override
        public Kind kind() { return Kind.NUMBER; }
    }

    private static final class ObjectValue extends Holding {
        ObjectValue(Map<String, JsonValue> members) { super(members); }
        @Override
        public Kind kind() { return Kind.OBJECT; }
    }

    private static final class ArrayValue extends Holding {
        ArrayValue(List<JsonValue> elements) { super(elements); }
        @Override
        public Kind kind() { return Kind.ARRAY; }
    }

    private static JsonValue present(JsonValue value) {
        if (value == MISSING) {
            throw new IllegalArgumentException("a missing value has no JSON form: it cannot be put into an object or an array");
        }
        return value == null ? NULL : value;
    }

    /** The builders of one tree: once one of them has built, none of them changes anything any more. */
    private static final class Tree {
        private boolean built;

        void check() {
            if (built) {
                throw new IllegalStateException("already built: a JsonValue does not change");
            }
        }
    }

    /**
     * Writes an object: each {@code put} adds a member, or replaces the value of one already there in its
     * place. {@link #build()} gives the object; from then on this builder, and the builders it was made from
     * or made, change nothing any more.
     */
    public static final class ObjectBuilder {
        private final Tree tree;
        private final Members members = new Members();
        private final JsonValue value = JsonValue.object(members);

        private ObjectBuilder(Tree tree) {
            this.tree = tree;
        }

        /** A string member; null for JSON null. */
        public ObjectBuilder put(String name, String text) {
            return put(name, JsonValue.of(text));
        }

        /** A number member, written as the decimal is ({@link JsonTrees.Builder#bigDecimalAsPlain()} aside); null for JSON null. */
        public ObjectBuilder put(String name, BigDecimal number) {
            return put(name, JsonValue.of(number));
        }

        public ObjectBuilder put(String name, long number) {
            return put(name, JsonValue.of(number));
        }

        public ObjectBuilder put(String name, boolean b) {
            return put(name, JsonValue.of(b));
        }

        /** A member of any value but {@link #MISSING}, which has no JSON form; null for JSON null. */
        public ObjectBuilder put(String name, JsonValue member) {
            tree.check();
            members.put(Objects.requireNonNull(name, "name"), present(member));
            return this;
        }

        /** A new object member, to write into with the builder returned. */
        public ObjectBuilder putObject(String name) {
            ObjectBuilder child = new ObjectBuilder(tree);
            put(name, child.value);
            return child;
        }

        /** A new array member, to write into with the builder returned. */
        public ArrayBuilder putArray(String name) {
            ArrayBuilder child = new ArrayBuilder(tree);
            put(name, child.value);
            return child;
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }

        public JsonValue build() {
            tree.built = true;
            return value;
        }
    }

    /** Writes an array, element after element; {@link #build()} as for an {@link ObjectBuilder}. */
    public static final class ArrayBuilder {
        private final Tree tree;
        private final List<JsonValue> elements = new ArrayList<>();
        private final JsonValue value = JsonValue.array(elements);

        private ArrayBuilder(Tree tree) {
            this.tree = tree;
        }

        public ArrayBuilder add(String text) {
            return add(JsonValue.of(text));
        }

        public ArrayBuilder add(BigDecimal number) {
            return add(JsonValue.of(number));
        }

        public ArrayBuilder add(long number) {
            return add(JsonValue.of(number));
        }

        public ArrayBuilder add(boolean b) {
            return add(JsonValue.of(b));
        }

        /** An element of any value but {@link #MISSING}; null for JSON null. */
        public ArrayBuilder add(JsonValue element) {
            tree.check();
            elements.add(present(element));
            return this;
        }

        /** A new object element, to write into with the builder returned. */
        public ObjectBuilder addObject() {
            ObjectBuilder child = new ObjectBuilder(tree);
            add(child.value);
            return child;
        }

        /** A new array element, to write into with the builder returned. */
        public ArrayBuilder addArray() {
            ArrayBuilder child = new ArrayBuilder(tree);
            add(child.value);
            return child;
        }

        public boolean isEmpty() {
            return elements.isEmpty();
        }

        public JsonValue build() {
            tree.built = true;
            return value;
        }
    }

    /** A JSON pointer's steps: each a member name, and the array index it also is (-1 when it is none). */
    private static final class Pointer {
        private final String[] names;
        private final int[] indexes;

        private Pointer(List<String> names) {
            this.names = names.toArray(new String[0]);
            this.indexes = new int[this.names.length];
            for (int i = 0; i < this.names.length; i++) {
                indexes[i] = index(this.names[i]);
            }
        }

        static Pointer compile(String pointer) {
            if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
                throw new IllegalArgumentException("a JSON pointer starts with '/': \"" + pointer + "\"");
            }
            List<String> names = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            for (int i = 1; i <= pointer.length(); i++) {
                char c = i < pointer.length() ? pointer.charAt(i) : '/';
                if (c == '/') {
                    names.add(name.toString());
                    name.setLength(0);
                } else if (c == '~' && i + 1 < pointer.length() && (pointer.charAt(i + 1) == '0' || pointer.charAt(i + 1) == '1')) {
                    name.append(pointer.charAt(++i) == '0' ? '~' : '/');
                } else {
                    name.append(c);
                }
            }
            return new Pointer(pointer.isEmpty() ? List.of() : names);
        }

        /** The index a step names: digits without a leading zero, at most Integer.MAX_VALUE; else -1. */
        private static int index(String step) {
            if (step.isEmpty() || step.length() > 10 || (step.charAt(0) == '0' && step.length() > 1)) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < step.length(); i++) {
                char c = step.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value <= Integer.MAX_VALUE ? (int) value : -1;
        }
    }
}
