/**
 * JSON for providers, on jackson-core alone: {@link org.standalonecredit.kit.json.JsonValue} is an immutable
 * tree (exact decimals, navigation that never returns null, builders for request bodies);
 * {@link org.standalonecredit.kit.json.JsonTrees} reads and writes it; {@link org.standalonecredit.kit.json.JsonReads}
 * reads fields out of an answer with one rule for absent and unreadable values;
 * {@link org.standalonecredit.kit.json.JsonMasking} masks a body member by member for showing.
 */
package org.standalonecredit.kit.json;
