package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.spec.operations.SpecException;
import ai.heymilo.spec.operations.SpecOperations;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The HeyMilo API on a loopback port, for tests, demos and offline work. By default it is stateful, like the API:
 * what you create, update, reorder or delete is what later reads and lists return, starting from recorded fixtures;
 * every request is validated against the spec and refused with the API's 422; every operation also answers every
 * documented status on request. {@link SandboxMode#REPLAY} replays the recordings instead.
 *
 * <pre>{@code
 * try (HeyMiloSandbox sandbox = HeyMiloSandbox.start();
 *      HeyMiloClient client = sandbox.client()) {
 *   CreatePostingResponse created = client.postings().create(new CreatePostingRequest().title("Barista"));
 *   client.postings().get(created.getId()).getTitle();                                       // "Barista"
 *   InterviewDataResponse data = client.interviews().awaitData(SandboxData.INTERVIEW_ID);  // not_ready, evaluating, completed
 *   client.postings().get(SandboxData.MISSING_ID);                                          // NotFoundException
 * }
 * }</pre>
 *
 * <p>How an answer is chosen, first match first:
 * <ol>
 *   <li>a fault injected with {@link #inject} for the operation (a connection reset, a 429; a delay is added);
 *   <li>{@code X-Sandbox-Status: <code>} — that status: the recording where the operation documents it, otherwise a
 *       realistic body in the API's error shape (5xx included);
 *   <li>no {@code X-API-KEY} nor {@code Authorization}, or {@link #INVALID_API_KEY} — 401;
 *       {@link #RATE_LIMITED_API_KEY} — 429 with {@code Retry-After: 1};
 *   <li>a request that breaks the spec (path, query, headers, body: types, enums, ranges, required) — 422
 *       {@code HTTPValidationError} naming each field;
 *   <li>stateful: the stored objects (an unknown id answers the operation's 404); replay: the recording
 *       ({@link SandboxData} names its ids; ids starting with {@code missing} answer 404).
 * </ol>
 *
 * <p>Each sandbox has its own state; {@link #reset()} returns it to the state just after start. A sandbox is
 * thread-safe; {@link #close()} stops it.
 */
public final class HeyMiloSandbox implements AutoCloseable {
  /** The key the sandbox accepts (so does any other key except the special ones below). */
  public static final String API_KEY = "hm_sandbox_key";
  /** A key that answers 401 on every operation that documents it. */
  public static final String INVALID_API_KEY = "hm_sandbox_invalid";
  /** A key that answers 429 with {@code Retry-After: 1} on every operation that documents it. */
  public static final String RATE_LIMITED_API_KEY = "hm_sandbox_rate_limited";
  /** A request header that forces a status, documented or not, e.g. {@code X-Sandbox-Status: 500}. */
  public static final String STATUS_HEADER = "X-Sandbox-Status";

  /** Where the recordings live on the class path. */
  static final String RECORDINGS = "ai/heymilo/sandbox/recordings";
  /** The port {@link #main} listens on unless told otherwise. */
  static final int DEFAULT_PORT = 8089;
  /** The path prefix of the audio that redirected voice previews point to. */
  static final String VOICE_PREVIEW_CDN_PATH = "/cdn/voice-previews/";
  /** The body file of every voice preview (the recorded 200 of getVoicePreview). */
  static final String VOICE_PREVIEW_FILE = "getVoicePreview-200.mp3";

  private final WireMockServer server;
  private final PollCounterTransformer pollCounter;
  private final SpecOperations spec;
  private final SandboxMode mode;
  private final Faults faults;
  private final @Nullable StatefulApi api;
  private final WebhookDeliveries deliveries;
  private final String baseUrl;
  /** The recordings and internal stubs, which {@link #reset()} keeps. */
  private final Set<UUID> startingStubs = new HashSet<>();

  private HeyMiloSandbox(WireMockServer server, PollCounterTransformer pollCounter, SpecOperations spec, SandboxMode mode,
      Faults faults, @Nullable StatefulApi api, WebhookDeliveries deliveries) {
    this.server = server;
    this.pollCounter = pollCounter;
    this.spec = spec;
    this.mode = mode;
    this.faults = faults;
    this.api = api;
    this.deliveries = deliveries;
    this.baseUrl = "http://127.0.0.1:" + server.port();
    for (StubMapping stub : server.getStubMappings()) {
      startingStubs.add(stub.getId());
    }
  }

  /**
   * Starts a stateful sandbox on a free loopback port (127.0.0.1) with the recordings from the class path.
   *
   * @throws SandboxException if the server cannot start
   */
  public static HeyMiloSandbox start() {
    return builder().start();
  }

  /**
   * Starts a stateful sandbox on the given loopback port (127.0.0.1); 0 picks a free one.
   *
   * @throws IllegalArgumentException if {@code port} is outside 0–65535
   * @throws SandboxException if the server cannot start, for example because the port is taken
   */
  public static HeyMiloSandbox start(int port) {
    return builder().port(port).start();
  }

  /** Starts a sandbox replaying the recordings (a folder with {@code mappings/} and {@code __files/}) of {@code recordings}. */
  static HeyMiloSandbox start(int port, FileSource recordings) {
    return builder().port(port).recordings(recordings).mode(SandboxMode.REPLAY).start();
  }

  /**
   * Returns a builder for a sandbox with other settings than {@link #start()}'s.
   *
   * <pre>{@code
   * HeyMiloSandbox sandbox = HeyMiloSandbox.builder()
   *     .seed(Path.of("src/test/resources/heymilo-seed.json"))   // your own postings, questions, candidates...
   *     .start();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings of a sandbox, then {@link #start()}. Not thread-safe; a started sandbox does not see later changes.
   */
  public static final class Builder {
    private int port;
    private SandboxMode mode = SandboxMode.STATEFUL;
    private boolean validateRequests = true;
    private boolean builtInFixtures = true;
    private final List<String> seeds = new ArrayList<>();
    private final List<String> seedNames = new ArrayList<>();
    private @Nullable FileSource recordings;
    private List<Duration> webhookRetryDelays = WebhookDeliveries.DEFAULT_RETRY_DELAYS;

    private Builder() {}

    /**
     * The loopback port to listen on; 0 (the default) picks a free one.
     *
     * @throws IllegalArgumentException if {@code port} is outside 0–65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 (any free port) and 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /** {@link SandboxMode#STATEFUL} (the default) or {@link SandboxMode#REPLAY}. */
    public Builder mode(SandboxMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** Whether requests that break the spec answer 422, as the API does; default true. */
    public Builder validateRequests(boolean validateRequests) {
      this.validateRequests = validateRequests;
      return this;
    }

    /**
     * Whether the state starts with the recorded fixtures ({@link SandboxData}: a posting, its questions, three
     * candidates, two webhooks); default true. With false it starts empty but for what {@link #seed} adds.
     */
    public Builder builtInFixtures(boolean builtInFixtures) {
      this.builtInFixtures = builtInFixtures;
      return this;
    }

    /**
     * Adds the objects of a seed document to the starting state (see the sandbox README for the format:
     * {@code {"postings": [...], "questions": [...], "candidates": [...], "interview_data": {...}, "webhooks": [...]}});
     * {@link HeyMiloSandbox#reset()} returns to them. Only for {@link SandboxMode#STATEFUL}. Checked at {@link #start()}.
     */
    public Builder seed(String json) {
      seeds.add(Objects.requireNonNull(json, "json == null"));
      seedNames.add("seed #" + seeds.size());
      return this;
    }

    /**
     * Adds the objects of a seed file, as {@link #seed(String)}.
     *
     * @throws SandboxException if the file cannot be read
     */
    public Builder seed(Path file) {
      Objects.requireNonNull(file, "file == null");
      try {
        seeds.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SandboxException("Could not read the seed file " + file + ": " + e.getMessage(), e);
      }
      seedNames.add(file.toString());
      return this;
    }

    /**
     * The delays between the attempts to deliver a webhook event that was not answered with a 2xx; default 1 s, 5 s
     * and 25 s (four attempts in all, like a provider that retries for half a minute). Tests choose milliseconds:
     * {@code webhookRetryDelays(Duration.ofMillis(10), Duration.ofMillis(20))}; none means one attempt only.
     *
     * @throws IllegalArgumentException if a delay is negative
     */
    public Builder webhookRetryDelays(Duration... delays) {
      List<Duration> chosen = new ArrayList<>();
      for (Duration delay : Objects.requireNonNull(delays, "delays == null")) {
        Objects.requireNonNull(delay, "a delay is null");
        if (delay.isNegative()) {
          throw new IllegalArgumentException("webhook retry delays must not be negative, but one was " + delay);
        }
        chosen.add(delay);
      }
      this.webhookRetryDelays = chosen;
      return this;
    }

    /** Serves other recordings than the class path's (tests of the recordings themselves). */
    Builder recordings(FileSource recordings) {
      this.recordings = recordings;
      return this;
    }

    /**
     * Starts the sandbox.
     *
     * @throws SandboxException if the server cannot start (the port is taken), a seed is invalid (the message names
     *     the object and the field), seeds are given in replay mode, or the merged spec is not on the class path
     */
    public HeyMiloSandbox start() {
      if (mode == SandboxMode.REPLAY && (!seeds.isEmpty() || !builtInFixtures)) {
        throw new SandboxException("seed(...) and builtInFixtures(false) need SandboxMode.STATEFUL; a replay sandbox answers only"
            + " its recordings", null);
      }
      FileSource files = recordings != null ? recordings
          : new ClasspathFileSource(HeyMiloSandbox.class.getClassLoader(), RECORDINGS);
      SpecOperations spec;
      try {
        spec = SpecOperations.load();
      } catch (SpecException e) {
        throw new SandboxException("The sandbox validates against the merged spec, which it cannot read: " + e.getMessage(), e);
      }
      Templates templates = new Templates(files.child("__files"));
      Faults faults = new Faults();
      StatefulApi api = mode == SandboxMode.STATEFUL ? new StatefulApi(spec, templates, new Random(), Clock.systemUTC()) : null;
      PollCounterTransformer pollCounter = new PollCounterTransformer(files.child("__files"));
      WebhookDeliveries deliveries = new WebhookDeliveries(webhookRetryDelays);
      SandboxRouter router = new SandboxRouter(spec, mode, validateRequests, faults, templates, api, deliveries);
      WireMockConfiguration options = WireMockConfiguration.options()
          .bindAddress("127.0.0.1")
          .port(port)
          .fileSource(files)
          .extensions(pollCounter, router)
          .extensionFactories(services -> {
            deliveries.useHttpClient(services.getDefaultHttpClient());
            return List.of(deliveries);
          })
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
        deliveries.close();
        throw new SandboxException("Could not start the HeyMilo sandbox on 127.0.0.1:" + port + " ("
            + e.getMessage() + ")" + (port == 0 ? "" : "; is the port taken? Use start() for a free port"), e);
      }
      try {
        if (api != null) {
          if (builtInFixtures) {
            api.loadRecordings(server.getStubMappings());
          }
          for (int i = 0; i < seeds.size(); i++) {
            api.seed(SandboxJson.read(seeds.get(i), seedNames.get(i)), seedNames.get(i));
          }
          api.markStart();
        }
      } catch (RuntimeException e) {
        stopQuietly(server);
        deliveries.close();
        throw e instanceof SandboxException ? e : new SandboxException("Could not load the sandbox's fixtures: " + e.getMessage(), e);
      }
      addInternalStubs(server);
      return new HeyMiloSandbox(server, pollCounter, spec, mode, faults, api, deliveries);
    }
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
        .build(), SandboxRouter.ROLE_VOICE_AUDIO));
    // A status header that no recording of the route matched: the status is not documented there.
    server.addStubMapping(internal(any(anyUrl())
        .atPriority(9)
        .withHeader(STATUS_HEADER, matching(".*"))
        .willReturn(aResponse().withStatus(400))
        .build(), SandboxRouter.ROLE_UNRECORDED_STATUS));
    server.addStubMapping(internal(any(anyUrl())
        .atPriority(10)
        .willReturn(aResponse().withStatus(404))
        .build(), SandboxRouter.ROLE_UNKNOWN_ROUTE));
  }

  private static StubMapping internal(StubMapping stub, String role) {
    stub.setMetadata(new Metadata(Map.of(SandboxRouter.ROLE, role)));
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

  /** Returns {@link SandboxMode#STATEFUL} or {@link SandboxMode#REPLAY}. */
  public SandboxMode mode() {
    return mode;
  }

  /**
   * Adds the objects of a seed document to the current state (see {@link Builder#seed(String)} for the format), until
   * {@link #reset()}; an object with the id of an existing one replaces it.
   *
   * <pre>{@code
   * sandbox.seed("{\"postings\": [{\"id\": \"AB12CD34\", \"title\": \"Barista\"}]}");
   * }</pre>
   *
   * @throws SandboxException if the sandbox is in replay mode, or the document or one of its objects is invalid
   *     (the message names the object and the field)
   */
  public void seed(String json) {
    if (api == null) {
      throw new SandboxException("seed(...) needs SandboxMode.STATEFUL; this sandbox replays its recordings", null);
    }
    api.seed(SandboxJson.read(json, "the seed"), "the seed");
  }

  /**
   * Injects a fault into every request (or the next {@link SandboxFault#times(int) n}) of one operation, until
   * {@link #clearFaults()} or {@link #reset()}; several faults on one operation apply together (delays add up).
   *
   * <pre>{@code
   * sandbox.inject("getInterviewData", SandboxFault.delay(Duration.ofSeconds(2)));
   * sandbox.inject("listPostings", SandboxFault.rateLimited().times(3));   // three 429s, then normal answers
   * }</pre>
   *
   * @param operationId an operation id of the spec, such as {@code getPosting}
   * @throws IllegalArgumentException if the spec has no such operation (the message lists similar ones)
   */
  public void inject(String operationId, SandboxFault fault) {
    Objects.requireNonNull(fault, "fault == null");
    if (spec.operation(operationId).isEmpty()) {
      List<String> similar = new ArrayList<>();
      String needle = operationId.toLowerCase(java.util.Locale.ROOT);
      for (ai.heymilo.spec.operations.Operation op : spec.operations()) {
        String id = op.operationId().toLowerCase(java.util.Locale.ROOT);
        if (!needle.isEmpty() && (id.contains(needle) || needle.contains(id) || id.startsWith(needle.substring(0, Math.min(3, needle.length()))))) {
          similar.add(op.operationId());
        }
      }
      throw new IllegalArgumentException("The spec has no operation '" + operationId + "'; use an operationId such as getPosting"
          + (similar.isEmpty() ? "" : " (similar: " + similar + ")"));
    }
    faults.add(operationId, fault);
  }

  /**
   * Moves an interview one state on without a poll, as time passing does for a real one — the candidate sits the
   * interview ({@code not_ready} → {@code evaluating}), the report comes out ({@code evaluating} → {@code completed}) —
   * and sends the webhook events of the move to the webhooks registered for the interview's posting:
   * {@code interview_started} and {@code interview_completed} on leaving {@code not_ready}, {@code report_available} on
   * reaching a final status. Polls move interviews on too, and send the same events (once each).
   *
   * <pre>{@code
   * client.webhooks().create(new CreateWebhookRequest().postingId(postingId)
   *     .webhookUrl(receiverUrl).eventType("report_available"));
   * sandbox.advanceInterview(interviewId);   // "evaluating"
   * sandbox.advanceInterview(interviewId);   // "completed", and report_available is POSTed to receiverUrl
   * }</pre>
   *
   * <p>An event is a POST of {@code {"event_type", "posting_id", "interview_id", "status", "timestamp"}} (ISO-8601)
   * as JSON; a delivery not answered with a 2xx is retried after the {@link Builder#webhookRetryDelays} (by default
   * 1 s, 5 s, 25 s). The recorded fixture webhooks receive nothing; only those created through {@code createWebhook} or
   * a seed do.
   *
   * @return the status the interview's next poll sees
   * @throws SandboxException if the sandbox replays its recordings (it keeps no interviews)
   * @throws IllegalArgumentException if no candidate of the sandbox has that interview
   */
  public String advanceInterview(String interviewId) {
    return moveOn(interviewId, false);
  }

  /**
   * Moves an interview on to its final state, as {@link #advanceInterview} does one state at a time, and sends the
   * events of every state passed.
   *
   * @return the final status ({@code completed}, {@code knocked_out}, ...)
   * @throws SandboxException if the sandbox replays its recordings (it keeps no interviews)
   * @throws IllegalArgumentException if no candidate of the sandbox has that interview
   */
  public String completeInterview(String interviewId) {
    return moveOn(interviewId, true);
  }

  private String moveOn(String interviewId, boolean toTheEnd) {
    Objects.requireNonNull(interviewId, "interviewId == null");
    if (api == null) {
      throw new SandboxException("advanceInterview(...) and completeInterview(...) need SandboxMode.STATEFUL; this sandbox"
          + " replays its recordings", null);
    }
    Map.Entry<String, List<WebhookDeliveries.Delivery>> moved = api.advance(interviewId, toTheEnd);
    deliveries.send(moved.getValue());
    return moved.getKey();
  }

  /** Removes every injected fault. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Returns the sandbox to its state just after start: the stored objects (stateful), every polling scenario and
   * per-id poll counter, no injected faults, no stubs added through {@link #wireMock()}, an empty request journal.
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
    faults.clear();
    deliveries.cancelPending();
    if (api != null) {
      api.reset();
    }
    server.resetRequests();
  }

  /** Stops the sandbox; calling it again does nothing. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
    deliveries.close();
  }

  @Override
  public String toString() {
    return "HeyMiloSandbox{" + baseUrl + ", " + mode + "}";
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
