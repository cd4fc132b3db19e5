package org.standalonecredit.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, columns padded so it also reads well in a terminal. */
public final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = header;
    }

    public Table row(Object... cells) {
        String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    public void print(PrintStream out) {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(3, header[i].length());
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        line(out, header, w);
        StringBuilder sep = new StringBuilder("|");
        for (int x : w) {
            sep.append(' ').append("-".repeat(x)).append(" |");
        }
        out.println(sep);
        for (String[] r : rows) {
            line(out, r, w);
        }
    }

    private static void line(PrintStream out, String[] cells, int[] w) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            b.append(' ').append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(" |");
        }
        out.println(b);
    }

    public static String f0(double v) {
        return fmt("%.0f", v);
    }

    public static String f1(double v) {
        return fmt("%.1f", v);
    }

    public static String f2(double v) {
        return fmt("%.2f", v);
    }

    private static String fmt(String pattern, double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, pattern, v);
    }
}
