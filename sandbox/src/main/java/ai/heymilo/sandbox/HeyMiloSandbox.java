package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.heymilo.sdk.HeyMiloClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A recorded HeyMilo API on a loopback port: every operation answers every status the API
 * documents, chosen by the API key, the id or the {@value #STATUS_HEADER} header.
 *
 * <pre>{@code
 * try (HeyMiloSandbox sandbox = HeyMiloSandbox.start();
 *      HeyMiloClient client = sandbox.client()) {
 *   InterviewDataResponse data = client.interviews().awaitData(SandboxData.INTERVIEW_ID);  // not_ready, evaluating, completed
 *   client.postings().get(SandboxData.MISSING_ID);                                          // NotFoundException
 *   sandbox.clientBuilder().apiKey(HeyMiloSandbox.INVALID_API_KEY).build();                 // every call: AuthenticationException
 * }
 * }</pre>
 *
 * <p>How a status is selected, highest priority first:
 * <ol>
 *   <li>{@code X-Sandbox-Status: <code>} — any status the operation documents (for example 400, 404, 422);
 *   <li>no {@code X-API-KEY} nor {@code Authorization}, or {@link #INVALID_API_KEY} — 401;
 *   <li>{@link #RATE_LIMITED_API_KEY} — 429 with {@code Retry-After: 1};
 *   <li>a list's {@code limit} outside 1–100, or a missing required body field — 422;
 *   <li>a path id starting with {@code missing} — 404;
 *   <li>otherwise the success recording: {@link SandboxData} names its ids; polling ids follow
 *       their scenarios (see {@link SandboxData#INTERVIEW_ID} and {@link SandboxData#interviewCompletingAfter}).
 * </ol>
 * Any key other than the special ones is accepted. Unknown routes answer 404 in the API's error shape.
 *
 * <p>The recordings are WireMock mappings and body files under
 * {@code ai/heymilo/sandbox/recordings/} on the class path; {@link #wireMock()} gives the server
 * for extra stubs and faults. A sandbox is thread-safe; {@link #close()} stops it.
 */
public final class HeyMiloSandbox implements AutoCloseable {
  /** The key the sandbox accepts (so does any other key except the special ones below). */
  public static final String API_KEY = "hm_sandbox_key";
  /** A key that answers 401 on every operation that documents it. */
  public static final String INVALID_API_KEY = "hm_sandbox_invalid";
  /** A key that answers 429 with {@code Retry-After: 1} on every operation that documents it. */
  public static final String RATE_LIMITED_API_KEY = "hm_sandbox_rate_limited";
  /** A request header that forces any status the operation documents, e.g. {@code X-Sandbox-Status: 404}. */
  public static final String STATUS_HEADER = "X-Sandbox-Status";

  /** Where the recordings live on the class path. */
  static final String RECORDINGS = "ai/heymilo/sandbox/recordings";
  /** The port {@link #main} listens on unless told otherwise. */
  static final int DEFAULT_PORT = 8089;
  /** Metadata key marking the stubs the sandbox adds itself (not recordings). */
  static final String INTERNAL_STUB = "sandboxInternal";
  /** The path prefix of the audio that redirected voice previews point to. */
  static final String VOICE_PREVIEW_CDN_PATH = "/cdn/voice-previews/";
  /** The body file of every voice preview (the recorded 200 of getVoicePreview). */
  static final String VOICE_PREVIEW_FILE = "getVoicePreview-200.mp3";

  private final WireMockServer server;
  private final PollCounterTransformer pollCounter;
  private final String baseUrl;
  /** The recordings and internal stubs, which {@link #reset()} keeps. */
  private final Set<UUID> startingStubs = new HashSet<>();

  private HeyMiloSandbox(WireMockServer server, PollCounterTransformer pollCounter) {
    this.server = server;
    this.pollCounter = pollCounter;
    this.baseUrl = "http://127.0.0.1:" + server.port();
    for (StubMapping stub : server.getStubMappings()) {
      startingStubs.add(stub.getId());
    }
  }

  /**
   * Starts a sandbox on a free loopback port (127.0.0.1) with the recordings from the class path.
   *
   * @throws SandboxException if the server cannot start
   */
  public static HeyMiloSandbox start() {
    return start(0);
  }

  /**
   * Starts a sandbox on the given loopback port (127.0.0.1); 0 picks a free one.
   *
   * @throws IllegalArgumentException if {@code port} is outside 0–65535
   * @throws SandboxException if the server cannot start, for example because the port is taken
   */
  public static HeyMiloSandbox start(int port) {
    return start(port, new ClasspathFileSource(HeyMiloSandbox.class.getClassLoader(), RECORDINGS));
  }

  /** Starts a sandbox serving the recordings (a folder with {@code mappings/} and {@code __files/}) of {@code recordings}. */
  static HeyMiloSandbox start(int port, FileSource recordings) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 (any free port) and 65535, but was " + port);
    }
    PollCounterTransformer pollCounter = new PollCounterTransformer(recordings.child("__files"));
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(port)
        .fileSource(recordings)
        .extensions(pollCounter, new SandboxErrorTransformer())
        // Enough for verify(...) in tests, bounded for long runs such as benchmarks.
        .maxRequestJournalEntries(1000)
        .containerThreads(64)
        // Bodies are small; compressing them would only cost CPU.
        .gzipDisabled(true);
    WireMockServer server = new WireMockServer(options);
    try {
      server.start();
    } catch (Exception e) { // Jetty reports a taken port as a (sneakily thrown) ExecutionException.
      stopQuietly(server);
      throw new SandboxException("Could not start the HeyMilo sandbox on 127.0.0.1:" + port + " ("
          + e.getMessage() + ")" + (port == 0 ? "" : "; is the port taken? Use start() for a free port"), e);
    }
    addInternalStubs(server);
    return new HeyMiloSandbox(server, pollCounter);
  }

  private static void stopQuietly(WireMockServer server) {
    try {
      server.stop();
    } catch (Exception ignored) { // Jetty throws (sneakily) when stopping what never started.
      // Nothing started; nothing to stop.
    }
  }

  /** The stubs that are not recordings: the redirect target of voice previews, and the two fallbacks. */
  private static void addInternalStubs(WireMockServer server) {
    // The audio a redirected preview points to; it ignores X-Sandbox-Status, which clients repeat on redirects.
    server.addStubMapping(internal(get(urlPathMatching(VOICE_PREVIEW_CDN_PATH + "[^/]+\\.mp3"))
        .atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBodyFile(VOICE_PREVIEW_FILE))
        .build()));
    // A status header that no recording of the route matched: the status is not documented there.
    server.addStubMapping(internal(any(anyUrl())
        .atPriority(9)
        .withHeader(STATUS_HEADER, matching(".*"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withTransformers(SandboxErrorTransformer.NAME))
        .build()));
    server.addStubMapping(internal(any(anyUrl())
        .atPriority(10)
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withTransformers(SandboxErrorTransformer.NAME))
        .build()));
  }

  private static StubMapping internal(StubMapping stub) {
    stub.setMetadata(new Metadata(Map.of(INTERNAL_STUB, true)));
    return stub;
  }

  /** Returns the base URL to give a client, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the port the sandbox listens on. */
  public int port() {
    return server.port();
  }

  /**
   * Returns a client builder already pointed at the sandbox with {@link #API_KEY}; change the key
   * ({@code apiKey(HeyMiloSandbox.INVALID_API_KEY)}) or any other setting before {@code build()}.
   */
  public HeyMiloClient.Builder clientBuilder() {
    return HeyMiloClient.builder().apiKey(API_KEY).baseUrl(baseUrl);
  }

  /** Returns a new client for the sandbox ({@code clientBuilder().build()}); close it when done. */
  public HeyMiloClient client() {
    return clientBuilder().build();
  }

  /**
   * Returns the WireMock server behind the sandbox, for extra stubs, faults and request
   * verification. Stubs added here last until {@link #reset()}.
   *
   * <pre>{@code
   * sandbox.wireMock().stubFor(get(urlPathEqualTo("/api/v2/postings")).atPriority(1)
   *     .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
   * }</pre>
   */
  public WireMockServer wireMock() {
    return server;
  }

  /**
   * Returns the sandbox to its state just after start: restarts every polling scenario and
   * per-id poll counter, removes stubs added through {@link #wireMock()} and clears the request
   * journal.
   */
  public void reset() {
    List<StubMapping> added = new ArrayList<>();
    for (StubMapping stub : server.getStubMappings()) {
      if (!startingStubs.contains(stub.getId())) {
        added.add(stub);
      }
    }
    added.forEach(server::removeStubMapping);
    server.resetScenarios();
    pollCounter.reset();
    server.resetRequests();
  }

  /** Stops the sandbox; calling it again does nothing. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  @Override
  public String toString() {
    return "HeyMiloSandbox{" + baseUrl + "}";
  }

  /**
   * Runs a sandbox until the process is killed: {@code [--port N]} (default {@value #DEFAULT_PORT}).
   * Prints one line with the base URL and the key to use.
   *
   * <pre>
   * $ mvn -q -pl sandbox exec:java -Dexec.mainClass=ai.heymilo.sandbox.HeyMiloSandbox -Dexec.args="--port 8089"
   * HeyMilo sandbox at http://127.0.0.1:8089 (API key: hm_sandbox_key); stop with Ctrl+C
   * </pre>
   *
   * @param args {@code --port N} (0 for any free port), or nothing
   */
  public static void main(String[] args) {
    int port;
    try {
      port = parsePort(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: HeyMiloSandbox [--port N]   (N: 0 for any free port; default " + DEFAULT_PORT + ")");
      System.exit(2);
      return;
    }
    serve(port, System.out, new CountDownLatch(1));
  }

  /** Serves until {@code stop} counts down (never, from {@link #main}); prints the one line to {@code out}. */
  static void serve(int port, PrintStream out, CountDownLatch stop) {
    try (HeyMiloSandbox sandbox = start(port)) {
      Thread hook = new Thread(sandbox::close, "heymilo-sandbox-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("HeyMilo sandbox at " + sandbox.baseUrl() + " (API key: " + API_KEY + "); stop with Ctrl+C");
      out.flush();
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running; it closes the sandbox.
      }
    }
  }

  /** Reads {@code [--port N]}. */
  static int parsePort(String[] args) {
    int port = DEFAULT_PORT;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      if (arg.equals("--port")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--port needs a value, for example --port 8089");
        }
        value = args[++i];
      } else if (arg.startsWith("--port=")) {
        value = arg.substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number between 0 and 65535, but was '" + value + "'");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be between 0 and 65535, but was " + port);
      }
    }
    return port;
  }

  /**
   * Starts recording: a proxy on a free loopback port forwards every request to
   * {@code upstreamBaseUrl}; point a client with a real key at {@link Recorder#baseUrl()}, make the
   * calls to record, then {@link Recorder#stop()} writes {@code mappings/} and {@code __files/} into
   * {@code outputDir}. Keys, tokens and cookies never reach a file (see {@link Recorder}).
   *
   * <pre>{@code
   * try (Recorder recorder = HeyMiloSandbox.record("https://api.heymilo.ai", Path.of("recordings"))) {
   *   HeyMiloClient client = HeyMiloClient.builder().apiKey(realKey).baseUrl(recorder.baseUrl()).build();
   *   client.postings().get("13D77095");
   *   List<Path> written = recorder.stop();
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if the URL is not http(s), or is plain http to a host other than loopback
   */
  public static Recorder record(String upstreamBaseUrl, Path outputDir) {
    return Recorder.start(upstreamBaseUrl, outputDir);
  }
}
