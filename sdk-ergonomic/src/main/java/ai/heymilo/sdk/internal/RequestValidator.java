package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules the SDK checks before sending, so a request the API would reject, or one that would
 * reach the wrong URL, fails at once with {@link InvalidRequestException} naming the parameter.
 */
public final class RequestValidator {
  /** Documented limits of interview metadata. */
  public static final int MAX_METADATA_KEYS = 50;
  public static final int MAX_METADATA_KEY_LENGTH = 40;
  public static final int MAX_METADATA_VALUE_LENGTH = 500;

  private RequestValidator() {}

  /**
   * Checks an id that becomes a path segment: present, not blank, and unable to change the path
   * ({@code /}, {@code \}, {@code .}/{@code ..}, control characters).
   *
   * @return the id, for chaining
   */
  public static String id(String parameter, @Nullable String value) {
    if (value == null) {
      throw new InvalidRequestException(parameter, parameter + " is required but was null");
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

  /** Checks that a required request body or argument is present. */
  public static <T> T required(String parameter, @Nullable T value) {
    if (value == null) {
      throw new InvalidRequestException(parameter, parameter + " is required but was null");
    }
    return value;
  }

  /** Checks interview metadata against the documented limits: 50 keys, keys up to 40 characters, values up to 500. */
  public static Map<String, String> metadata(@Nullable Map<String, String> metadata) {
    required("metadata", metadata);
    if (metadata.size() > MAX_METADATA_KEYS) {
      throw new InvalidRequestException("metadata",
          "metadata has " + metadata.size() + " keys; at most " + MAX_METADATA_KEYS + " are allowed");
    }
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.isBlank()) {
        throw new InvalidRequestException("metadata", "metadata keys must not be blank");
      }
      if (key.length() > MAX_METADATA_KEY_LENGTH) {
        throw new InvalidRequestException("metadata", "metadata key '" + printable(key) + "' has " + key.length()
            + " characters; at most " + MAX_METADATA_KEY_LENGTH + " are allowed");
      }
      String value = entry.getValue();
      if (value == null) {
        throw new InvalidRequestException("metadata", "metadata value for '" + key + "' is null; values must be strings");
      }
      if (value.length() > MAX_METADATA_VALUE_LENGTH) {
        throw new InvalidRequestException("metadata", "metadata value for '" + key + "' has " + value.length()
            + " characters; at most " + MAX_METADATA_VALUE_LENGTH + " are allowed");
      }
    }
    return metadata;
  }

  /** Checks that {@code params} uses only filters that {@code operation} supports. */
  public static ListParams listParams(String operation, ListParams params, ListParams.Filter... supported) {
    Objects.requireNonNull(params, "params");
    Set<ListParams.Filter> allowed = supported.length == 0 ? EnumSet.noneOf(ListParams.Filter.class)
        : EnumSet.copyOf(Arrays.asList(supported));
    for (ListParams.Filter used : params.filtersSet()) {
      if (!allowed.contains(used)) {
        throw new InvalidRequestException(used.parameterName(), operation + " does not support " + used.parameterName()
            + "; supported: " + (allowed.isEmpty() ? "none" : ListParams.Filter.names(allowed)));
      }
    }
    return params;
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
