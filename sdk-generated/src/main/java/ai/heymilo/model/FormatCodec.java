package ai.heymilo.model;

import ai.heymilo.model.JsonIn.Token;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * The string formats the spec may declare, decoded into Java types:
 *
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>format</th><th>Java type</th><th>accepted</th><th>written</th></tr>
 *   <tr><td>{@code date-time}</td><td>{@code OffsetDateTime}</td><td>RFC 3339 with an offset or {@code Z}
 *       ({@code 2024-01-31T09:30:00.5+01:00}), case-insensitive</td><td>ISO 8601 with seconds, offset kept</td></tr>
 *   <tr><td>{@code date}</td><td>{@code LocalDate}</td><td>{@code 2024-01-31}</td><td>the same</td></tr>
 *   <tr><td>{@code uuid}</td><td>{@code UUID}</td><td>the canonical 8-4-4-4-12 hex form, any case</td><td>lower case</td></tr>
 *   <tr><td>{@code byte}, {@code binary}</td><td>{@code byte[]}</td><td>base64, standard or URL-safe, padding optional</td>
 *       <td>standard base64 with padding</td></tr>
 * </table>
 *
 * <p>{@code uri} is not here: it stays a {@code String} (see generator-templates/README.md).
 *
 * @param <T> the Java type
 */
abstract class FormatCodec<T> extends Codec<T> {
  private final String expected;

  private FormatCodec(String expected) {
    super(OTHER);
    this.expected = expected;
  }

  /** Parses the text or throws a {@link RuntimeException} (any: it is reported uniformly). */
  abstract T parse(String text);

  abstract String format(T value);

  @Override
  final T read(JsonIn in) throws IOException {
    Token token = in.peek();
    if (token != Token.STRING) {
      throw in.mismatch(expected, token);
    }
    String text = in.nextString();
    try {
      return parse(text);
    } catch (RuntimeException e) {
      throw JsonDecodingException.invalid(in.lastValuePath(), expected, text);
    }
  }

  @Override
  final void write(JsonOut out, T value) throws IOException {
    out.value(format(value));
  }

  static FormatCodec<OffsetDateTime> dateTime() {
    return new FormatCodec<OffsetDateTime>("a date-time with an offset, such as 2024-01-31T09:30:00Z") {
      @Override
      OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      }

      @Override
      String format(OffsetDateTime value) {
        // Not toString(): that drops ":00" seconds, which RFC 3339 requires.
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
      }
    };
  }

  static FormatCodec<LocalDate> date() {
    return new FormatCodec<LocalDate>("a date such as 2024-01-31") {
      @Override
      LocalDate parse(String text) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      }

      @Override
      String format(LocalDate value) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
      }
    };
  }

  static FormatCodec<UUID> uuid() {
    return new FormatCodec<UUID>("a UUID such as 123e4567-e89b-12d3-a456-426614174000") {
      @Override
      UUID parse(String text) {
        // UUID.fromString also takes short groups ("1-2-3-4-5"); only the canonical form is a UUID on the wire.
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
            || text.charAt(23) != '-') {
          throw new DateTimeException("not canonical");
        }
        return java.util.UUID.fromString(text);
      }

      @Override
      String format(UUID value) {
        return value.toString();
      }
    };
  }

  static FormatCodec<byte[]> bytes() {
    return new FormatCodec<byte[]>("base64-encoded bytes") {
      @Override
      byte[] parse(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
      }

      @Override
      String format(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
      }
    };
  }
}
