package ai.heymilo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their content (the last column is not padded). */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private String indent = "";

  Table(String... headers) {
    this.columns = headers.length;
    rows.add(headers);
  }

  /** Indents every line (for a table nested under a heading). */
  Table indent(String indent) {
    this.indent = indent;
    return this;
  }

  Table row(Object... cells) {
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      row[i] = cell == null ? "-" : oneLine(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  int size() {
    return rows.size() - 1;
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() > 90 ? flat.substring(0, 89) + "…" : flat;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
