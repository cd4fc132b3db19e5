package org.standalonecredit.kit.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An object's members in the order first put, in two arrays. A gateway's objects are small (a read answer
 * has some twenty objects of one to six members), where a {@code LinkedHashMap} costs a 16-slot table and a
 * 40-byte node per member; here a member costs two array slots. A name is found by a scan while the object
 * is small and through a hash index from {@value #INDEXED_FROM} members on, so a hostile body with many
 * members cannot make reading quadratic.
 *
 * <p>Putting a name already there replaces its value in its place (what a JSON object with a duplicate key
 * reads as, last value wins). Only the reader and the builders put; everything else sees it read-only.
 */
final class Members extends AbstractMap<String, JsonValue> {
    static final int INDEXED_FROM = 16;

    private String[] names;
    private JsonValue[] values;
    private int size;
    private Map<String, Integer> index;

    Members() {
        this(4);
    }

    /** Room for {@code capacity} members before the arrays grow. */
    Members(int capacity) {
        names = new String[Math.max(1, capacity)];
        values = new JsonValue[Math.max(1, capacity)];
    }

    String name(int i) {
        return names[i];
    }

    JsonValue value(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public JsonValue get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonValue getOrDefault(Object name, JsonValue fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : values[i];
    }

    @Override
    public JsonValue put(String name, JsonValue value) {
        Objects.requireNonNull(name, "name");
        int i = indexOf(name);
        if (i >= 0) {
            JsonValue previous = values[i];
            values[i] = value;
            return previous;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        if (index != null) {
            index.put(name, size - 1);
        } else if (size == INDEXED_FROM) {
            index = new HashMap<>();
            for (int k = 0; k < size; k++) {
                index.put(names[k], k);
            }
        }
        return null;
    }

    private int indexOf(Object name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonValue> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }
}
