package ai.heymilo.sandbox;

/** Escapes text for the inside of a JSON string literal. */
final class JsonStrings {
  private JsonStrings() {}

  /** Returns {@code text} with quotes, backslashes and control characters escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
