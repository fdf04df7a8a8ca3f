package ai.heymilo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows under headers, printed for people as aligned columns that fit the terminal (the widest columns
 * are cut, with an ellipsis, until the line fits) or for programs as CSV (RFC 4180).
 */
final class Table {
  private static final int NARROWEST = 6;
  /** Free-text columns, cut first; ids, statuses, numbers and times are cut only when these cannot give more. */
  private static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("TITLE", "TEXT", "CRITERIA", "NAME", "EMAIL", "URL",
      "QUESTION", "WHY", "INTERVIEW_URL / ERROR", "VALUE");
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
      row[i] = cell == null ? "-" : String.valueOf(cell);
    }
    rows.add(row);
    return this;
  }

  int size() {
    return rows.size() - 1;
  }

  /** Prints aligned columns, each cell on one line, no wider than {@code width} in all ({@code 0}: as wide as the content). */
  void print(PrintWriter out, int width) {
    List<String[]> lines = new ArrayList<>();
    for (String[] row : rows) {
      String[] flat = new String[columns];
      for (int i = 0; i < columns; i++) {
        flat[i] = oneLine(row[i]);
      }
      lines.add(flat);
    }
    int[] widths = new int[columns];
    for (String[] row : lines) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    if (width > 0) {
      boolean[] text = new boolean[columns];
      for (int i = 0; i < columns; i++) {
        text[i] = TEXT_COLUMNS.contains(rows.get(0)[i]);
      }
      fit(widths, text, width - indent.length());
      fit(widths, null, width - indent.length());
    }
    for (String[] row : lines) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        String cell = cut(row[i], widths[i]);
        line.append(i == columns - 1 ? cell : pad(cell, widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /**
   * Narrows the widest column (of those {@code only} marks, or of all), one character at a time, until the
   * columns and their gaps fit or none is wider than {@value #NARROWEST}.
   */
  private static void fit(int[] widths, boolean @org.jspecify.annotations.Nullable [] only, int available) {
    while (total(widths) > available) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if ((only == null || only[i]) && (widest < 0 || widths[i] >= widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0 || widths[widest] <= NARROWEST) {
        return;
      }
      widths[widest]--;
    }
  }

  private static int total(int[] widths) {
    int sum = 2 * (widths.length - 1);
    for (int w : widths) {
      sum += w;
    }
    return sum;
  }

  void printCsv(PrintWriter out) {
    for (String[] row : rows) {
      out.println(csvLine(row));
    }
    out.flush();
  }

  static String csvLine(String... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(csvCell(cells[i]));
    }
    return line.toString();
  }

  static String csvCell(String cell) {
    boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
        || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  /** Whitespace runs (newlines included) become one space, so that a cell stays on its line. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  /** The text cut to {@code width} characters, the last one an ellipsis when something was cut. */
  static String cut(String text, int width) {
    if (width <= 0 || text.length() <= width) {
      return text;
    }
    return text.substring(0, Math.max(0, width - 1)) + "…";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
