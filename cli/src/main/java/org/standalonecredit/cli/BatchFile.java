package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.standalonecredit.api.privacy.CardNumbers;

/**
 * A batch file: CSV with a header line, or JSON lines, one credit a row. Column names are compared without case,
 * '-' and '_' ({@code customer_token}, {@code customerToken} and {@code customer-token} are one column). Blank lines
 * and lines starting with '#' are skipped. A row holding a card number (a 13–19 digit Luhn-valid run, also written
 * with spaces or dashes) is refused by its line number, and nothing of it is kept.
 */
final class BatchFile {
    static final Set<String> COLUMNS = Set.of("amount", "currency", "customertoken", "paymentinstrument", "instrumentidentifier", "expiry",
            "brand", "reference", "transactionid", "idempotencykey");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");
    private static final Pattern SEPARATED_DIGITS = Pattern.compile("\\d[\\d -]{11,}\\d");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: its line in the file, its fields by column, and its default idempotency key. */
    record Row(int line, Map<String, String> fields, String defaultKey) {
        String get(String column) {
            String v = fields.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    /** A line that is not a usable row; {@code message} never holds the row's content. */
    record Problem(int line, String message) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static BatchFile read(Path file, String format) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("cannot read batch file " + file + " (" + e.getClass().getSimpleName() + ")", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--file");
        }
        BatchFile batch = new BatchFile();
        String identity = file.toAbsolutePath().normalize().toString();
        boolean jsonl = format != null ? format.equalsIgnoreCase("jsonl") : file.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        List<String> header = null;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i);
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            if (holdsCardNumber(text)) {
                batch.problems.add(new Problem(line, "a card number is not accepted in a batch file (use a token or an instrument identifier);"
                        + " nothing of this line is shown"));
                continue;
            }
            Map<String, String> fields;
            if (jsonl) {
                fields = jsonFields(text, line, batch.problems);
            } else if (header == null) {
                header = csvFields(text).stream().map(BatchFile::column).toList();
                List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
                if (unknown.isEmpty()) {
                    continue;
                }
                throw new UsageException("batch file " + file + ", line " + line + ": the header has unknown columns " + unknown
                        + "; the columns are amount, currency, customer_token, payment_instrument, instrument_identifier, expiry, brand,"
                        + " reference, transaction_id, idempotency_key");
            } else {
                List<String> values = csvFields(text);
                if (values.size() != header.size()) {
                    batch.problems.add(new Problem(line, values.size() + " fields where the header has " + header.size()));
                    continue;
                }
                fields = new LinkedHashMap<>();
                for (int c = 0; c < values.size(); c++) {
                    fields.put(header.get(c), values.get(c));
                }
            }
            if (fields == null) {
                continue;
            }
            // the row's content without its layout: quoting, spacing and column order do not change the key
            Map<String, String> content = new TreeMap<>();
            fields.forEach((k, v) -> {
                if (v != null && !v.isBlank() && !k.equals("idempotencykey")) {
                    content.put(k, v.trim());
                }
            });
            int occurrence = seen.merge(content.toString(), 1, Integer::sum);
            batch.rows.add(new Row(line, fields, defaultKey(identity, content.toString(), occurrence)));
        }
        return batch;
    }

    /**
     * The key of a row without one: a hash of the file's absolute path, the row's content and which occurrence of that
     * content it is. A re-run of the file finds the same keys; rows inserted, removed or edited elsewhere in the file do
     * not change them (a line number would), and two identical rows are two credits.
     */
    static String defaultKey(String fileIdentity, String content, int occurrence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((fileIdentity + "\n" + content + "\n" + occurrence).getBytes(StandardCharsets.UTF_8));
            return "batch-" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static boolean holdsCardNumber(String text) {
        if (luhnRun(text, DIGIT_RUN.matcher(text))) {
            return true;
        }
        Matcher separated = SEPARATED_DIGITS.matcher(text);
        while (separated.find()) {
            String digits = separated.group().replaceAll("[ -]", "");
            if (luhnRun(digits, DIGIT_RUN.matcher(digits))) {
                return true;
            }
        }
        return false;
    }

    private static boolean luhnRun(String text, Matcher runs) {
        while (runs.find()) {
            if (CardNumbers.isLuhnValid(runs.group())) {
                return true;
            }
        }
        return false;
    }

    static String column(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static Map<String, String> jsonFields(String text, int line, List<Problem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            problems.add(new Problem(line, "not a JSON object"));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new Problem(line, "not a JSON object"));
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String column = column(f.getKey());
            if (!COLUMNS.contains(column)) {
                problems.add(new Problem(line, "unknown field '" + f.getKey() + "'"));
                return null;
            }
            fields.put(column, f.getValue().isNull() ? null : f.getValue().asText());
        }
        return fields;
    }

    /** One CSV line: fields separated by commas, a field in double quotes may hold commas and "" for a quote. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
