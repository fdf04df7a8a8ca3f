package ai.heymilo.sdk.internal;

import ai.heymilo.model.PersonalData;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.AuthenticationException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.ConflictException;
import ai.heymilo.sdk.errors.ErrorResponse;
import ai.heymilo.sdk.errors.FieldError;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.PermissionDeniedException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnexpectedStatusCodeException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Turns a non-2xx response into the matching {@link ApiException} — the one place where status
 * codes map to exception types.
 *
 * <p>Reads at most {@value #MAX_BODY_BYTES} bytes of the body, so an HTML error page from a proxy
 * or a runaway 10 MB body costs no more than that; decodes both of the API's error shapes
 * ({@code {"error": {...}}} and the 422 {@code {"detail": [...]}}) into one set of fields, and keeps
 * the body text whatever it is — with candidates' personal data masked ({@link PersonalData}) unless
 * the client reveals it, since the text reaches exception messages and whatever logs them.
 */
final class ErrorMapper {
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Clock clock;
  private final Redactor redactor;
  private final boolean revealPersonalData;

  ErrorMapper(Clock clock, Redactor redactor, boolean revealPersonalData) {
    this.clock = clock;
    this.redactor = redactor;
    this.revealPersonalData = revealPersonalData;
  }

  ApiException toException(int status, Headers headers, @Nullable ResponseBody body) {
    ErrorResponse response = decode(status, headers, body);
    switch (status) {
      case 400: return new BadRequestException(response);
      case 401: return new AuthenticationException(response);
      case 403: return new PermissionDeniedException(response);
      case 404: return new NotFoundException(response);
      case 409: return new ConflictException(response);
      case 422: return new UnprocessableEntityException(response);
      case 429: return new RateLimitException(response, RetryAfter.parse(headers, clock));
      default:
        return status >= 500 && status < 600 ? new InternalServerException(response) : new UnexpectedStatusCodeException(response);
    }
  }

  private ErrorResponse decode(int status, Headers headers, @Nullable ResponseBody body) {
    // The client's own credentials, echoed by a server, are removed before anything is kept: every message, field
    // and header of the exception is made from these. Candidates' personal data is masked in the kept body (unless
    // revealed); the fields are decoded from the unmasked text.
    ErrorResponse.Builder builder = ErrorResponse.builder(status).headers(redactor.redact(toMap(headers)));
    BoundedText text = read(body);
    String bodyText = redactor.redact(text.text);
    builder.body(revealPersonalData ? bodyText : PersonalData.mask(bodyText), text.truncated);
    if (!text.truncated) {
      decodeJson(bodyText, builder);
    }
    return builder.build();
  }

  /** Fills the builder from either error shape; anything else (HTML, plain text) is left as body text. */
  private static void decodeJson(String text, ErrorResponse.Builder builder) {
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (RuntimeException notJson) {
      return;
    }
    if (!root.isJsonObject()) {
      return;
    }
    JsonObject object = root.getAsJsonObject();
    List<FieldError> fieldErrors = new ArrayList<>();
    if (object.get("error") instanceof JsonObject) {
      JsonObject error = object.getAsJsonObject("error");
      builder.type(string(error, "type")).code(string(error, "code")).message(string(error, "message"))
          .param(string(error, "param")).docUrl(string(error, "doc_url"));
      if (error.get("errors") instanceof JsonArray) {
        for (JsonElement detail : error.getAsJsonArray("errors")) {
          if (detail.isJsonObject()) {
            JsonObject d = detail.getAsJsonObject();
            fieldErrors.add(new FieldError(orEmpty(string(d, "param")), orEmpty(string(d, "message")), string(d, "code")));
          }
        }
      }
    }
    JsonElement detail = object.get("detail");
    if (detail instanceof JsonArray) {
      for (JsonElement item : detail.getAsJsonArray()) {
        if (item.isJsonObject()) {
          JsonObject d = item.getAsJsonObject();
          fieldErrors.add(new FieldError(location(d.get("loc")), orEmpty(string(d, "msg")), string(d, "type")));
        }
      }
      if (!fieldErrors.isEmpty() && object.get("error") == null) {
        builder.message(fieldErrors.size() == 1 ? "Request validation failed" : fieldErrors.size() + " validation errors");
      }
    } else if (detail != null && detail.isJsonPrimitive()) {
      // Framework errors such as {"detail": "Not Found"}.
      builder.message(detail.getAsString());
    }
    builder.fieldErrors(fieldErrors);
  }

  /** {@code ["body", "workflow", 0, "config"]} → {@code body.workflow.0.config}. */
  private static String location(@Nullable JsonElement loc) {
    if (loc == null || !loc.isJsonArray()) {
      return loc != null && loc.isJsonPrimitive() ? loc.getAsString() : "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonElement part : loc.getAsJsonArray()) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(part.isJsonPrimitive() ? part.getAsString() : part.toString());
    }
    return path.toString();
  }

  private static @Nullable String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  static Map<String, List<String>> toMap(Headers headers) {
    return headers.toMultimap();
  }

  /** The first {@value #MAX_BODY_BYTES} bytes of a body as UTF-8, and whether there was more. */
  private static BoundedText read(@Nullable ResponseBody body) {
    if (body == null) {
      return new BoundedText("", false);
    }
    try (ResponseBody closing = body) {
      BufferedSource source = closing.source();
      boolean more = source.request(MAX_BODY_BYTES + 1L);
      Buffer buffer = source.getBuffer();
      long size = Math.min(buffer.size(), MAX_BODY_BYTES);
      return new BoundedText(buffer.readString(size, StandardCharsets.UTF_8), more);
    } catch (IOException unreadable) {
      return new BoundedText("", false);
    }
  }

  private static final class BoundedText {
    final String text;
    final boolean truncated;

    BoundedText(String text, boolean truncated) {
      this.text = text;
      this.truncated = truncated;
    }
  }
}
