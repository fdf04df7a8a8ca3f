package ai.heymilo.sandbox;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.StubMappingTransformer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes credentials from a recorded stub mapping: drops the {@link #SECRET_HEADERS} from the
 * request matchers and the response headers, drops cookie matchers, and replaces every occurrence
 * of each secret (the API key, bearer token and cookie values seen while recording, passed as the
 * {@value #SECRETS_PARAMETER} parameter) with {@link HeyMiloSandbox#API_KEY} in URLs, header
 * values and bodies, including base64 bodies and URL-encoded forms.
 */
final class SecretScrubber extends StubMappingTransformer {
  /** The name a record spec lists in {@code transformers}. */
  static final String NAME = "heymilo-secret-scrubber";
  /** The transformer parameter holding the list of secret strings to replace. */
  static final String SECRETS_PARAMETER = "secrets";
  /** Header names (any case) that never reach a recording. */
  static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "authorization", "cookie", "set-cookie", "x-workspace-id");
  /** Secrets shorter than this are not replaced in text (they would corrupt unrelated words). */
  static final int MIN_SECRET_LENGTH = 4;

  private static final Gson GSON = new Gson();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public StubMapping transform(StubMapping stubMapping, FileSource files, Parameters parameters) {
    List<String> secrets = secrets(parameters);
    JsonObject tree = JsonParser.parseString(StubMapping.buildJsonStringFor(stubMapping)).getAsJsonObject();
    JsonObject request = tree.getAsJsonObject("request");
    if (request != null) {
      removeSecretHeaders(request.getAsJsonObject("headers"));
      request.remove("cookies");
      request.remove("basicAuthCredentials");
    }
    JsonObject response = tree.getAsJsonObject("response");
    if (response != null) {
      removeSecretHeaders(response.getAsJsonObject("headers"));
      JsonElement base64 = response.get("base64Body");
      if (base64 != null && base64.isJsonPrimitive()) {
        byte[] bytes = Base64.getDecoder().decode(base64.getAsString());
        response.addProperty("base64Body", Base64.getEncoder().encodeToString(scrub(bytes, secrets)));
      }
    }
    return StubMapping.buildFrom(GSON.toJson(scrub(tree, secrets)));
  }

  /** Reads the secrets parameter: a list of strings (or one string). */
  static List<String> secrets(Parameters parameters) {
    Object value = parameters == null ? null : parameters.get(SECRETS_PARAMETER);
    List<String> secrets = new ArrayList<>();
    if (value instanceof Collection) {
      for (Object secret : (Collection<?>) value) {
        secrets.add(String.valueOf(secret));
      }
    } else if (value != null) {
      secrets.add(String.valueOf(value));
    }
    return expand(secrets);
  }

  /** Each usable secret in the forms it may take in a recording: as is and URL-encoded; longest first. */
  static List<String> expand(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH && !secret.equals(HeyMiloSandbox.API_KEY)) {
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      }
    }
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort((a, b) -> b.length() - a.length()); // A secret containing another is replaced whole.
    return sorted;
  }

  /** Replaces every secret in {@code text}. */
  static String scrub(String text, List<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, HeyMiloSandbox.API_KEY);
    }
    return result;
  }

  /** Replaces every secret in raw bytes, byte for byte (ISO-8859-1 keeps every byte value). */
  static byte[] scrub(byte[] bytes, List<String> secrets) {
    List<String> latin1 = new ArrayList<>();
    for (String secret : secrets) {
      latin1.add(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String result = text;
    for (String secret : latin1) {
      result = result.replace(secret, HeyMiloSandbox.API_KEY);
    }
    return result.equals(text) ? bytes : result.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void removeSecretHeaders(JsonObject headers) {
    if (headers == null) {
      return;
    }
    List<String> names = new ArrayList<>(headers.keySet());
    for (String name : names) {
      if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        headers.remove(name);
      }
    }
  }

  /** Scrubs every string, object key included, of a JSON tree. */
  private static JsonElement scrub(JsonElement element, List<String> secrets) {
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
      return new JsonPrimitive(scrub(element.getAsString(), secrets));
    }
    if (element.isJsonArray()) {
      JsonArray scrubbed = new JsonArray();
      for (JsonElement item : element.getAsJsonArray()) {
        scrubbed.add(scrub(item, secrets));
      }
      return scrubbed;
    }
    if (element.isJsonObject()) {
      JsonObject scrubbed = new JsonObject();
      for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
        scrubbed.add(scrub(member.getKey(), secrets), scrub(member.getValue(), secrets));
      }
      return scrubbed;
    }
    return element;
  }
}
