package ai.heymilo.sdk.internal;

import ai.heymilo.model.ApiObject;
import ai.heymilo.model.ConstraintViolation;
import ai.heymilo.sdk.RequestOptions;
import ai.heymilo.sdk.errors.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks the generated services make before sending, so a request the API would reject, or one that would reach
 * the wrong URL, fails at once with {@link InvalidRequestException} naming the argument. What is checked comes from
 * the spec and the SDK overlay: every path parameter is an id; every request body is present.
 */
final class Checks {
  private Checks() {}

  /**
   * Checks an id that becomes a path segment: present, not blank, and unable to change the path ({@code /},
   * {@code \}, {@code .}/{@code ..}, whitespace and control characters).
   *
   * @return the id
   */
  static String id(String parameter, @Nullable String value) {
    if (value == null) {
      throw missing(parameter);
    }
    if (value.isBlank()) {
      throw new InvalidRequestException(parameter, parameter + " must not be blank");
    }
    if (value.equals(".") || value.equals("..") || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
      throw new InvalidRequestException(parameter,
          parameter + " must be a single id, but was '" + printable(value) + "', which would change the request path");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
        throw new InvalidRequestException(parameter,
            parameter + " must not contain whitespace or control characters, but was '" + printable(value) + "'");
      }
    }
    return value;
  }

  /** Checks that a required argument is present. */
  static <T> T present(String parameter, @Nullable T value) {
    if (value == null) {
      throw missing(parameter);
    }
    return value;
  }

  /**
   * Checks a request body before it is sent: present, and meeting the spec's rules for it — required properties
   * set, lengths, ranges and the overlay's limits ({@link ApiObject#violations()}). The exception names the first
   * broken rule by its path in the body and lists the others.
   */
  static <T> T body(String parameter, @Nullable T body) {
    present(parameter, body);
    if (body instanceof ApiObject) {
      List<ConstraintViolation> violations = ((ApiObject) body).violations();
      if (!violations.isEmpty()) {
        ConstraintViolation first = violations.get(0);
        String where = first.path().isEmpty() ? parameter : first.path().startsWith(parameter) ? first.path()
            : parameter + "." + first.path();
        StringBuilder message = new StringBuilder(where).append(' ').append(first.message());
        for (int i = 1; i < violations.size() && i < 10; i++) {
          message.append("; ").append(violations.get(i));
        }
        if (violations.size() > 10) {
          message.append("; … ").append(violations.size() - 10).append(" more");
        }
        throw new InvalidRequestException(where, message.append(" (nothing was sent)").toString());
      }
    }
    return body;
  }

  static InvalidRequestException missing(String parameter) {
    return new InvalidRequestException(parameter, parameter + " is required but was null");
  }

  /** The call's options with a params class's additional query parameters added. */
  static RequestOptions withQueryParams(RequestOptions options, Map<String, List<String>> additional) {
    if (additional.isEmpty()) {
      return options;
    }
    RequestOptions.Builder extra = RequestOptions.builder();
    additional.forEach((name, values) -> values.forEach(value -> extra.queryParam(name, value)));
    return options.merge(extra.build());
  }

  /** Shows an id in a message with control characters made visible; ids are not secrets. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.length() > 80 ? out.substring(0, 80) + "…" : out.toString();
  }
}
