package org.standalonecredit.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact member map behaves as the LinkedHashMap it replaced, below and above its indexing threshold. */
class MembersTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, Members.INDEXED_FROM - 1, Members.INDEXED_FROM, Members.INDEXED_FROM + 1, 200})
    void behavesAsAnInsertionOrderedMapUnderRandomPuts(int distinctNames) {
        Random random = new Random(distinctNames); // seeded: the same puts every run
        Members members = new Members();
        Map<String, JsonValue> reference = new LinkedHashMap<>();
        for (int i = 0; i < distinctNames * 3; i++) {
            String name = "k" + random.nextInt(Math.max(1, distinctNames));
            JsonValue value = JsonValue.of(i);
            assertEquals(reference.put(name, value), members.put(name, value), name);
        }
        assertEquals(reference, members);
        assertEquals(members, reference);
        assertEquals(reference.hashCode(), members.hashCode());
        assertEquals(new ArrayList<>(reference.keySet()), new ArrayList<>(members.keySet()), "insertion order");
        List<String> byIndex = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            byIndex.add(members.name(i));
            assertEquals(reference.get(members.name(i)), members.value(i));
        }
        assertEquals(new ArrayList<>(reference.keySet()), byIndex);
        for (String name : reference.keySet()) {
            assertTrue(members.containsKey(name));
            assertEquals(reference.get(name), members.get(name));
        }
        assertFalse(members.containsKey("absent"));
        assertNull(members.get("absent"));
        assertNull(members.get(42), "a name that is not a String is simply not there");
        assertEquals(JsonValue.MISSING, members.getOrDefault("absent", JsonValue.MISSING));
    }

    @Test
    void aDuplicateAfterTheIndexIsBuiltStillReplacesInPlace() throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            json.append("\"m").append(i).append("\":").append(i).append(',');
        }
        json.append("\"m3\":\"last\",\"m15\":\"last\"}");
        JsonValue object = JsonTrees.builder().build().read(json.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(20, object.size());
        assertEquals("last", object.path("m3").text());
        assertEquals("last", object.path("m15").text());
        assertEquals("m3", new ArrayList<>(object.members().keySet()).get(3), "the first one's place");
    }

    @Test
    void aReadObjectCannotBeChangedThroughItsMembers() throws IOException {
        JsonValue object = JsonTrees.builder().build().read("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        Map<String, JsonValue> members = object.members();
        assertThrows(UnsupportedOperationException.class, () -> members.put("b", JsonValue.NULL));
        assertThrows(UnsupportedOperationException.class, () -> members.entrySet().iterator().next().setValue(JsonValue.NULL));
    }
}
