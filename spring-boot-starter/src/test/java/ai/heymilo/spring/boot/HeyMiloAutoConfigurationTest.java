package ai.heymilo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.heymilo.model.PostingResponse;
import ai.heymilo.ratelimit.redis.RateLimiterUnavailableException;
import ai.heymilo.ratelimit.redis.RedisRateLimiter;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ConfigurationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

class HeyMiloAutoConfigurationTest {
  private static HeyMiloSandbox sandbox;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HeyMiloAutoConfiguration.class, HeyMiloHealthIndicatorAutoConfiguration.class));

  @BeforeAll
  static void startSandbox() {
    sandbox = HeyMiloSandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private ApplicationContextRunner onSandbox() {
    return runner.withPropertyValues("heymilo.api-key=" + HeyMiloSandbox.API_KEY, "heymilo.base-url=" + sandbox.baseUrl());
  }

  @Test
  void apiKeyAndBaseUrl_giveAClientThatCallsTheApi() {
    onSandbox().run(context -> {
      HeyMiloClient client = context.getBean(HeyMiloClient.class);

      List<String> ids = client.postings().list().stream().map(PostingResponse::getId).collect(Collectors.toList());
      assertThat(ids).contains(SandboxData.POSTING_ID);
    });
  }

  @Test
  void properties_reachTheClientBuilder() {
    onSandbox().withPropertyValues("heymilo.workspace-id=ws_42", "heymilo.max-retries=5", "heymilo.json-library=moshi",
        "heymilo.rate-limit.type=local", "heymilo.rate-limit.permits=50", "heymilo.rate-limit.window=1s").run(context ->
        assertThat(context.getBean(HeyMiloClient.class)).hasToString("HeyMiloClient{baseUrl=" + sandbox.baseUrl() + "/, auth=api key, "
            + "workspaceId=ws_42, maxRetries=5, jsonLibrary=MOSHI, rateLimit=50 requests per PT1S}"));
  }

  @Test
  void bearerToken_insteadOfAnApiKey() {
    runner.withPropertyValues("heymilo.bearer-token=tok_123", "heymilo.base-url=" + sandbox.baseUrl()).run(context ->
        assertThat(context.getBean(HeyMiloClient.class).toString()).contains("auth=bearer token"));
  }

  @Test
  void noCredentials_startupFails_namingTheProperties() {
    runner.run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
        .hasMessage("heymilo.api-key (or heymilo.bearer-token) is required but was not set; set it in application.properties, "
            + "for example heymilo.api-key=${HEYMILO_API_KEY}, or export HEYMILO_API_KEY"));
  }

  @Test
  void invalidBaseUrl_startupFails_namingTheProperty() {
    runner.withPropertyValues("heymilo.api-key=k", "heymilo.base-url=http://api.example.com").run(context ->
        assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
            .hasMessage("Invalid heymilo.base-url: baseUrl must use https (plain http is allowed only for localhost), but was "
                + "'http://api.example.com'; the API key would travel unencrypted"));
  }

  @Test
  void negativeTimeout_startupFails_namingTheProperty() {
    onSandbox().withPropertyValues("heymilo.read-timeout=-1s").run(context ->
        assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
            .hasMessage("Invalid heymilo.read-timeout: readTimeout must be between 1 ms and 24 days, but was PT-1S"));
  }

  @Test
  void applicationsOwnClient_autoConfiguredOneBacksOff() {
    HeyMiloClient own = HeyMiloClient.builder().apiKey("own_key").baseUrl(sandbox.baseUrl()).maxRetries(7).build();
    runner.withBean(HeyMiloClient.class, () -> own).run(context -> {
      assertThat(context).hasSingleBean(HeyMiloClient.class);
      assertThat(context.getBean(HeyMiloClient.class)).isSameAs(own);
    });
  }

  @Test
  void contextClose_closesTheClient() throws Exception {
    List<HeyMiloClient> seen = new ArrayList<>();
    onSandbox().withPropertyValues("heymilo.max-retries=0").run(context -> seen.add(context.getBean(HeyMiloClient.class)));

    // Closed: its thread pools are shut down, so an asynchronous call can no longer be dispatched.
    CompletableFuture<?> afterClose = seen.get(0).async().interviews().getData(SandboxData.INTERVIEW_ID);
    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, afterClose::get);
    assertThat(failure.getCause()).isInstanceOf(ApiConnectionException.class).hasMessageContaining("client was closed");
  }

  @Test
  void observationRegistryBean_observesTheClientsCalls() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    onSandbox().withBean(ObservationRegistry.class, () -> registry).run(context -> {
      context.getBean(HeyMiloClient.class).interviews().getData(SandboxData.INTERVIEW_ID);

      TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
          .hasNameEqualTo("heymilo.api.call")
          .hasLowCardinalityKeyValue("heymilo.operation", "getInterviewData")
          .hasLowCardinalityKeyValue("outcome", "SUCCESS")
          .hasBeenStopped();
    });
  }

  @Test
  void actuatorMetrics_aTimerPerOperationAndOutcome() {
    onSandbox().withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class)).run(context -> {
      HeyMiloClient client = context.getBean(HeyMiloClient.class);
      client.interviews().getData(SandboxData.INTERVIEW_ID);
      client.interviews().getData(SandboxData.INTERVIEW_ID);

      Timer timer = context.getBean(MeterRegistry.class).get("heymilo.api.call")
          .tag("heymilo.operation", "getInterviewData").tag("http.request.method", "GET").tag("outcome", "SUCCESS")
          .tag("http.response.status_class", "2xx").timer();
      assertThat(timer.count()).isEqualTo(2);
      assertThat(timer.getId().getTags()).noneMatch(tag -> tag.getValue().contains(SandboxData.INTERVIEW_ID)
          || tag.getValue().contains(HeyMiloSandbox.API_KEY));
    });
  }

  @Test
  void micrometerAbsent_clientStillWorks() {
    onSandbox().withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run(context -> {
      assertThat(context).doesNotHaveBean("heyMiloObservationRegistryCustomizer");
      assertThat(context.getBean(HeyMiloClient.class).interviews().getData(SandboxData.INTERVIEW_ID)).isNotNull();
    });
  }

  @Test
  void customizers_runInOrder_afterTheProperties() {
    onSandbox().withPropertyValues("heymilo.max-retries=1")
        .withBean("second", HeyMiloClientCustomizer.class, () -> new Second())
        .withBean("first", HeyMiloClientCustomizer.class, () -> new First())
        .run(context -> assertThat(context.getBean(HeyMiloClient.class).toString()).contains("maxRetries=9"));
  }

  @Order(1)
  static final class First implements HeyMiloClientCustomizer {
    @Override
    public void customize(HeyMiloClient.Builder builder) {
      builder.maxRetries(4);
    }
  }

  @Order(2)
  static final class Second implements HeyMiloClientCustomizer {
    @Override
    public void customize(HeyMiloClient.Builder builder) {
      builder.maxRetries(9);
    }
  }

  @Test
  void applicationsOwnLimiterFactory_pacesTheClient() {
    List<String> budgetKeys = new ArrayList<>();
    RequestLimiter.Factory own = key -> {
      budgetKeys.add(key);
      return () -> () -> Duration.ZERO;
    };
    onSandbox().withBean(RequestLimiter.Factory.class, () -> own).run(context -> {
      assertThat(context.getBean(HeyMiloClient.class).toString()).contains("rateLimit=custom");
      assertThat(budgetKeys).hasSize(1).allMatch(k -> k.startsWith("sha256:"));
    });
  }

  @Test
  void rateLimitRedis_wiresTheSharedLimiter_andTheContextClosesIt() {
    List<RedisRateLimiter> seen = new ArrayList<>();
    onSandbox().withPropertyValues("heymilo.rate-limit.type=redis", "heymilo.rate-limit.redis.uri=" + redisUri(),
        "heymilo.rate-limit.redis.key-prefix=heymilo:starter-test:", "heymilo.rate-limit.permits=100").run(context -> {
          RedisRateLimiter limiter = context.getBean(RedisRateLimiter.class);
          seen.add(limiter);
          assertThat(limiter.toString()).startsWith("RedisRateLimiter{redis=127.0.0.1:").contains("limit=100 requests per PT1M")
              .contains("keyPrefix=heymilo:starter-test:").endsWith("outagePolicy=FAIL_OPEN}");
          HeyMiloClient client = context.getBean(HeyMiloClient.class);
          assertThat(client.toString()).contains("rateLimit=custom");
          assertThat(client.health().check()).isNotEmpty();
        });

    RequestLimiter afterClose = seen.get(0).create("sha256:" + "0".repeat(64));
    org.junit.jupiter.api.Assertions.assertThrows(RateLimiterUnavailableException.class, afterClose::reserve);
  }

  @Test
  void rateLimitRedis_outagePolicyFailClosed_reachesTheLimiter() {
    onSandbox().withPropertyValues("heymilo.rate-limit.type=redis", "heymilo.rate-limit.redis.uri=" + redisUri(),
        "heymilo.rate-limit.redis.outage-policy=fail-closed").run(context ->
        assertThat(context.getBean(RedisRateLimiter.class).toString()).endsWith("outagePolicy=FAIL_CLOSED}"));
  }

  @Test
  void rateLimitRedis_withoutUri_startupFails_namingTheProperty() {
    onSandbox().withPropertyValues("heymilo.rate-limit.type=redis").run(context ->
        assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
            .hasMessage("heymilo.rate-limit.redis.uri is required when heymilo.rate-limit.type=redis but was not set; set it to "
                + "the Redis server the fleet shares, such as redis://redis.internal:6379"));
  }

  @Test
  void rateLimitRedis_withoutTheRedisModule_startupFails_namingTheDependency() {
    onSandbox().withClassLoader(new FilteredClassLoader(RedisRateLimiter.class))
        .withPropertyValues("heymilo.rate-limit.type=redis", "heymilo.rate-limit.redis.uri=redis://127.0.0.1:6390").run(context ->
            assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
                .hasMessage("heymilo.rate-limit.type=redis needs ai.heymilo:heymilo-ratelimit-redis on the class path; add that "
                    + "dependency (heymilo-bom gives its version) or set heymilo.rate-limit.type=local"));
  }

  @Test
  void withoutTheRedisModule_otherTypesWork() {
    onSandbox().withClassLoader(new FilteredClassLoader(RedisRateLimiter.class)).withPropertyValues("heymilo.rate-limit.type=local")
        .run(context -> assertThat(context.getBean(HeyMiloClient.class).toString()).contains("rateLimit=300 requests per PT1M"));
  }

  @Test
  void healthIndicator_upWhenTheApiAnswers() {
    onSandbox().run(context -> {
      Health health = context.getBean("heymiloHealthIndicator", HealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("api");
    });
  }

  @Test
  void healthIndicator_downWithTheError_neverTheKey() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    runner.withPropertyValues("heymilo.api-key=hm_secret_health_key", "heymilo.base-url=http://127.0.0.1:" + closedPort,
        "heymilo.max-retries=0").run(context -> {
          Health health = context.getBean("heymiloHealthIndicator", HealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("error", "ApiConnectionException");
          assertThat(String.valueOf(health.getDetails().get("message"))).startsWith("Connection failed during GET /health");
          assertThat(health.toString()).doesNotContain("hm_secret_health_key");
        });
  }

  @Test
  void healthIndicator_offByProperty() {
    onSandbox().withPropertyValues("management.health.heymilo.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("heymiloHealthIndicator").hasSingleBean(HeyMiloClient.class));
  }

  @Test
  void healthIndicator_absentWithoutActuator() {
    onSandbox().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).doesNotHaveBean("heymiloHealthIndicator").hasSingleBean(HeyMiloClient.class));
  }

  @Test
  void failureAnalyzer_reportsTheSettingAndWhereToFixIt() {
    org.springframework.boot.diagnostics.FailureAnalysis analysis = new HeyMiloFailureAnalyzer()
        .analyze(new IllegalStateException("wrapper", new ConfigurationException("heymilo.api-key (or heymilo.bearer-token) is required")));

    assertThat(analysis.getDescription()).isEqualTo("The HeyMilo client could not be configured: heymilo.api-key (or heymilo.bearer-token) "
        + "is required");
    assertThat(analysis.getAction()).contains("heymilo.* properties");
  }

  /** The tests' shared Redis (scripts/redis start); fails, never skips, when it does not answer. */
  static String redisUri() {
    String uri = System.getProperty("heymilo.test.redis", "redis://127.0.0.1:6390");
    java.net.URI parsed = java.net.URI.create(uri);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(parsed.getHost(), parsed.getPort()), 1000);
      socket.setSoTimeout(1000);
      socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] answer = new byte[5];
      int read = socket.getInputStream().readNBytes(answer, 0, 5);
      if (read != 5 || !new String(answer, java.nio.charset.StandardCharsets.US_ASCII).equals("+PONG")) {
        throw new AssertionError("The server at " + uri + " is not a usable Redis");
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("These tests need a Redis server at " + uri + " and none answers (" + e + "); start one with "
          + "`scripts/redis start`, or point -Dheymilo.test.redis at yours", e);
    }
    return uri;
  }

}
