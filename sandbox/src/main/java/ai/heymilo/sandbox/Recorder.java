package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.recording.RecordSpecBuilder;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Records a real HeyMilo API as sandbox recordings: a proxy on a loopback port forwards every
 * request to the upstream API, and {@link #stop()} writes what passed through as WireMock
 * {@code mappings/} and {@code __files/}.
 *
 * <pre>{@code
 * try (Recorder recorder = HeyMiloSandbox.record("https://api.heymilo.ai", Path.of("recordings"))) {
 *   HeyMiloClient client = HeyMiloClient.builder().apiKey(System.getenv("HEYMILO_API_KEY"))
 *       .baseUrl(recorder.baseUrl()).build();
 *   client.postings().get("13D77095");
 *   List<Path> written = recorder.stop();
 * }
 * }</pre>
 *
 * <p><b>Secrets never reach a file.</b> The {@code X-API-KEY}, {@code Authorization},
 * {@code Cookie}, {@code Set-Cookie} and {@code X-Workspace-Id} headers are dropped from request
 * matchers and responses, and every key, bearer token and cookie value seen while recording (4
 * characters or longer) is replaced by {@link HeyMiloSandbox#API_KEY} wherever it appears — URLs,
 * headers, bodies — and so are the query values and user info of every {@code webhook_url} (a webhook's shared
 * secret) sent or answered. Before writing, every byte is checked once more; a file that would still contain
 * a secret is not written and {@code stop()} throws instead.
 *
 * <p>The recordings match requests by method and URL (not by key), so they replay with any key in
 * a sandbox started from the output folder. A repeated request becomes a WireMock scenario.
 */
public final class Recorder implements AutoCloseable {
  /** A {@code "webhook_url": "..."} member of a JSON body; group 1 is the URL as written. */
  private static final Pattern WEBHOOK_URL = Pattern.compile("\"webhook_url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final WireMockServer server;
  private final Path outputDir;
  private @Nullable List<Path> written;

  private Recorder(WireMockServer server, Path outputDir) {
    this.server = server;
    this.outputDir = outputDir;
  }

  /** Starts the recording proxy; see {@link HeyMiloSandbox#record}. */
  static Recorder start(String upstreamBaseUrl, Path outputDir) {
    String upstream = checkUpstream(upstreamBaseUrl);
    if (outputDir == null) {
      throw new IllegalArgumentException("outputDir must not be null; pass the folder that will hold mappings/ and __files/");
    }
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .mappingSource(new NoMappings()) // Start empty: nothing but the proxy may answer.
        .extensions(new SecretScrubber());
    WireMockServer server = new WireMockServer(options);
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(upstream)));
    return new Recorder(server, outputDir);
  }

  /** Returns the proxy's base URL to give a client, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Stops the proxy and writes what it recorded into the output folder: one mapping per request in
   * {@code mappings/}, its body in {@code __files/}. Calling it again returns the same files.
   *
   * @return the files written, mappings and bodies, in name order
   * @throws SandboxException if a file would still contain a secret (none is written then), if it cannot be written,
   *     or if the recorder was closed without stop()
   */
  public synchronized List<Path> stop() {
    if (written != null) {
      return written;
    }
    if (!server.isRunning()) {
      throw new SandboxException("The recorder was closed without stop(); nothing was recorded", null);
    }
    try {
      Set<String> secrets = secretsSeen(server.getAllServeEvents());
      RecordSpecBuilder spec = new RecordSpecBuilder()
          .makeStubsPersistent(false)
          // Keep bodies inline: this class writes the files itself, after the last scrub.
          .extractTextBodiesOver(Long.MAX_VALUE)
          .extractBinaryBodiesOver(Long.MAX_VALUE)
          .transformers(SecretScrubber.NAME)
          .transformerParameters(Parameters.one(SecretScrubber.SECRETS_PARAMETER, new ArrayList<>(secrets)));
      List<StubMapping> recorded = server.snapshotRecord(spec).getStubMappings();
      Map<Path, byte[]> files = toFiles(recorded);
      check(files, SecretScrubber.expand(secrets));
      written = write(files);
      return written;
    } finally {
      server.stop();
    }
  }

  /** Stops the proxy; without a {@link #stop()} before, nothing is written. */
  @Override
  public synchronized void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  /**
   * Every credential value that passed through: keys, bearer tokens, cookie values, and the secrets of webhook URLs
   * (the values of their query parameters and their user info — where a webhook's shared secret goes).
   */
  private static Set<String> secretsSeen(List<ServeEvent> events) {
    Set<String> secrets = new LinkedHashSet<>();
    for (ServeEvent event : events) {
      HttpHeaders requestHeaders = event.getRequest().getHeaders();
      collect(requestHeaders, secrets);
      collectWebhookSecrets(event.getRequest().getBodyAsString(), secrets);
      if (event.getResponse() != null) {
        collect(event.getResponse().getHeaders(), secrets);
        collectWebhookSecrets(event.getResponse().getBodyAsString(), secrets);
      }
    }
    return secrets;
  }

  /** The query values and user info of each {@code webhook_url} in a JSON body. */
  static void collectWebhookSecrets(@Nullable String body, Set<String> secrets) {
    if (body == null || !body.contains("webhook_url")) {
      return;
    }
    Matcher matcher = WEBHOOK_URL.matcher(body);
    while (matcher.find()) {
      String url = matcher.group(1).replace("\\/", "/");
      int query = url.indexOf('?');
      if (query >= 0) {
        for (String pair : url.substring(query + 1).split("[&#]")) {
          int equals = pair.indexOf('=');
          if (equals >= 0 && equals + 1 < pair.length()) {
            String value = pair.substring(equals + 1);
            secrets.add(value);
            try {
              secrets.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
              // The value as written is replaced; there is no decoded form.
            }
          }
        }
      }
      int scheme = url.indexOf("://");
      int at = url.indexOf('@');
      int path = url.indexOf('/', scheme + 3);
      if (scheme > 0 && at > scheme && (path < 0 || at < path)) {
        String userInfo = url.substring(scheme + 3, at);
        secrets.add(userInfo);
        int colon = userInfo.indexOf(':');
        if (colon >= 0 && colon + 1 < userInfo.length()) {
          secrets.add(userInfo.substring(colon + 1));
        }
      }
    }
  }

  private static void collect(@Nullable HttpHeaders headers, Set<String> secrets) {
    if (headers == null) {
      return;
    }
    for (HttpHeader header : headers.all()) {
      String name = header.key().toLowerCase(Locale.ROOT);
      if (!SecretScrubber.SECRET_HEADERS.contains(name) || name.equals("x-workspace-id")) {
        continue;
      }
      for (String value : header.values()) {
        secrets.add(value);
        if (name.equals("authorization")) {
          int space = value.indexOf(' ');
          if (space > 0) {
            secrets.add(value.substring(space + 1).trim()); // The token after "Bearer ".
          }
        } else if (name.equals("cookie") || name.equals("set-cookie")) {
          for (String part : value.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
              secrets.add(part.substring(equals + 1).trim());
            }
          }
        }
      }
    }
  }

  /** Lays out each recorded stub as a mapping file and, when it has a body, a body file. */
  private Map<Path, byte[]> toFiles(List<StubMapping> recorded) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    Path mappings = outputDir.resolve("mappings");
    Path bodies = outputDir.resolve("__files");
    for (StubMapping stub : recorded) {
      JsonObject tree = JsonParser.parseString(StubMapping.buildJsonStringFor(stub)).getAsJsonObject();
      String base = fileBase(tree, stub);
      JsonObject response = tree.getAsJsonObject("response");
      if (response != null) {
        String contentType = contentType(response);
        byte[] body = null;
        String extension = contentType.contains("json") ? ".json" : ".txt";
        if (response.has("jsonBody")) {
          body = PRETTY.toJson(response.remove("jsonBody")).getBytes(StandardCharsets.UTF_8);
          extension = ".json";
        } else if (response.has("body")) {
          String text = response.remove("body").getAsString();
          body = (contentType.contains("json") ? prettyJson(text) : text).getBytes(StandardCharsets.UTF_8);
        } else if (response.has("base64Body")) {
          body = Base64.getDecoder().decode(response.remove("base64Body").getAsString());
          extension = contentType.contains("mpeg") ? ".mp3" : ".bin";
        }
        if (body != null) {
          String bodyFile = base + extension;
          response.addProperty("bodyFileName", bodyFile);
          files.put(bodies.resolve(bodyFile), body);
        }
      }
      files.put(mappings.resolve(base + ".json"), (PRETTY.toJson(tree) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  /** {@code get-api-v2-postings-13d77095-1a2b3c4d}: method, path and the start of the stub id. */
  private static String fileBase(JsonObject tree, StubMapping stub) {
    JsonObject request = tree.getAsJsonObject("request");
    String method = request != null && request.has("method") ? request.get("method").getAsString() : "any";
    String url = "";
    if (request != null) {
      for (String key : List.of("url", "urlPath", "urlPattern", "urlPathPattern")) {
        if (request.has(key)) {
          url = request.get(key).getAsString();
          break;
        }
      }
    }
    int query = url.indexOf('?');
    String path = (query < 0 ? url : url.substring(0, query)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    path = path.replaceAll("^-+|-+$", "");
    if (path.length() > 80) {
      path = path.substring(0, 80);
    }
    String id = stub.getId().toString().substring(0, 8);
    return method.toLowerCase(Locale.ROOT) + (path.isEmpty() ? "" : "-" + path) + "-" + id;
  }

  private static String contentType(JsonObject response) {
    JsonObject headers = response.getAsJsonObject("headers");
    if (headers != null) {
      for (String name : headers.keySet()) {
        if (name.equalsIgnoreCase("Content-Type")) {
          JsonElement value = headers.get(name);
          return (value.isJsonArray() ? value.getAsJsonArray().get(0) : value).getAsString().toLowerCase(Locale.ROOT);
        }
      }
    }
    return "";
  }

  private static String prettyJson(String text) {
    try {
      return PRETTY.toJson(JsonParser.parseString(text)) + "\n";
    } catch (RuntimeException notJson) {
      return text;
    }
  }

  /** The last line of defence: no byte sequence of any secret in any file. */
  private static void check(Map<Path, byte[]> files, List<String> secrets) {
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      String latin1 = new String(file.getValue(), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        String secretLatin1 = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        if (latin1.contains(secretLatin1)) {
          throw new SandboxException("Refusing to write the recordings: " + file.getKey().getFileName()
              + " would still contain a credential (" + secret.length() + " characters); nothing was written", null);
        }
      }
    }
  }

  private static List<Path> write(Map<Path, byte[]> files) {
    List<Path> paths = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Files.createDirectories(file.getKey().getParent());
        Files.write(file.getKey(), file.getValue());
        paths.add(file.getKey());
      }
    } catch (IOException e) {
      throw new SandboxException("Could not write the recordings: " + e.getMessage(), e);
    }
    Collections.sort(paths);
    return Collections.unmodifiableList(paths);
  }

  /** Checks the upstream URL the way the SDK checks a base URL: https, or http to loopback only. */
  private static String checkUpstream(String upstreamBaseUrl) {
    if (upstreamBaseUrl == null) {
      throw new IllegalArgumentException("upstreamBaseUrl must not be null; pass the API to record, e.g. https://api.heymilo.ai");
    }
    URI uri;
    try {
      uri = new URI(upstreamBaseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("upstreamBaseUrl must be an http(s) URL such as https://api.heymilo.ai, but was '"
          + upstreamBaseUrl + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException("upstreamBaseUrl must be an http(s) URL such as https://api.heymilo.ai, but was '"
          + upstreamBaseUrl + "'");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("upstreamBaseUrl must use https (plain http is allowed only for localhost), but was '"
          + upstreamBaseUrl + "'; the API key would travel unencrypted");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("upstreamBaseUrl must not have a query or fragment, but was '" + upstreamBaseUrl + "'");
    }
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
      return false; // A name other than localhost: resolving it could change later.
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  /** Loads no mappings and saves none: the recorder starts with only its proxy stub. */
  @SuppressWarnings("removal") // remove(StubMapping) is deprecated in WireMock but still abstract.
  private static final class NoMappings implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }
}
