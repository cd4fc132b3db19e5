package org.standalonecredit.readmecheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's marked blocks: a fenced code block whose opening fence is the line right after an HTML comment
 * {@code <!-- readme-check: NAME -->} (its text exactly as written: what a reader copies), or a table whose first row
 * is that next line (its rows as written).
 */
final class ReadmeSnippets {
    static final Pattern MARKER = Pattern.compile("<!--\\s*readme-check:\\s*([a-z0-9-]+)\\s*-->");
    private static final Pattern FENCE = Pattern.compile("(`{3,})\\s*([A-Za-z0-9_-]*)\\s*");

    private final Map<String, String> blocks;

    private ReadmeSnippets(Map<String, String> blocks) {
        this.blocks = blocks;
    }

    /** Every marked block; a marker not followed by a fenced block, an unclosed block or a name used twice is an error. */
    static ReadmeSnippets parse(String readme) {
        List<String> lines = readme.lines().toList();
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            String name = marker.group(1);
            if (i + 1 < lines.size() && lines.get(i + 1).startsWith("|")) {   // a table: its rows, up to the first other line
                StringBuilder table = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && lines.get(j).startsWith("|")) {
                    table.append(lines.get(j)).append('\n');
                    j++;
                }
                put(blocks, name, table.toString(), i);
                i = j - 1;
                continue;
            }
            Matcher fence = i + 1 < lines.size() ? FENCE.matcher(lines.get(i + 1).trim()) : null;
            if (fence == null || !fence.matches()) {
                throw new IllegalStateException("README line " + (i + 1) + ": the marker '" + name
                        + "' must be followed, on the next line, by a fenced code block (```) or a table (|)");
            }
            String closing = fence.group(1);
            StringBuilder text = new StringBuilder();
            int j = i + 2;
            while (j < lines.size() && !lines.get(j).trim().equals(closing)) {
                text.append(lines.get(j)).append('\n');
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalStateException("README line " + (i + 2) + ": the block of '" + name + "' is never closed");
            }
            put(blocks, name, text.toString(), i);
            i = j;
        }
        return new ReadmeSnippets(Map.copyOf(blocks));
    }

    private static void put(Map<String, String> blocks, String name, String text, int markerIndex) {
        if (blocks.putIfAbsent(name, text) != null) {
            throw new IllegalStateException("README line " + (markerIndex + 1) + ": the marker '" + name + "' is used twice");
        }
    }

    /** The block marked {@code name}, exactly as written. */
    String get(String name) {
        String block = blocks.get(name);
        if (block == null) {
            throw new IllegalStateException("the README has no block marked <!-- readme-check: " + name + " --> (it has "
                    + blocks.keySet().stream().sorted().toList() + ")");
        }
        return block;
    }

    Map<String, String> all() {
        return blocks;
    }
}
