/**
 * JSON for providers: {@link org.standalonecredit.kit.json.JsonTrees} reads and writes Jackson trees with jackson-core alone, keeping
 * decimals exact; {@link org.standalonecredit.kit.json.JsonMasking} masks a body member by member for showing.
 */
package org.standalonecredit.kit.json;
