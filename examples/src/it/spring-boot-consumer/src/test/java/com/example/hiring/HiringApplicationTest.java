package com.example.hiring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.heymilo.ratelimit.redis.RedisRateLimiter;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** The service as it starts in production, with the recorded sandbox standing in for the API. */
@SpringBootTest
class HiringApplicationTest {
  private static final HeyMiloSandbox sandbox = HeyMiloSandbox.start();

  static {
    // The one value application.properties cannot know in advance: the sandbox's port.
    System.setProperty("HEYMILO_BASE_URL", sandbox.baseUrl());
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Autowired OpenRoles openRoles;
  @Autowired HeyMiloClient client;
  @Autowired RedisRateLimiter fleetLimit;
  @Autowired HealthEndpoint health;

  @Test
  void openRoles_comeFromTheApi_throughTheAutoConfiguredClient() {
    List<String> titles = openRoles.titles();

    assertThat(titles).contains("Customer Service Representative");
    assertThat(client.toString()).contains("baseUrl=" + sandbox.baseUrl()).contains("maxRetries=3").contains("rateLimit=custom");
  }

  @Test
  void theBudgetIsSharedThroughRedis_underTheHashOfTheKey() throws InterruptedException {
    RedisClient redis = RedisClient.create(System.getenv().getOrDefault("HEYMILO_REDIS_URI", "redis://127.0.0.1:6390"));
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      // A busy machine may have kept the first connection from opening in time; the limiter then retries every second.
      List<String> keys = List.of();
      for (long deadline = System.nanoTime() + 10_000_000_000L; keys.isEmpty() && System.nanoTime() < deadline; Thread.sleep(200)) {
        openRoles.titles();
        keys = connection.sync().keys("hiring-service:heymilo:*");
      }
      assertThat(keys).as("the limiter's bucket in the Redis at 127.0.0.1:6390").hasSize(1);
      assertThat(keys.get(0)).matches("hiring-service:heymilo:sha256:[0-9a-f]{64}").doesNotContain(HeyMiloSandbox.API_KEY);
    } finally {
      redis.shutdown();
    }
    assertThat(fleetLimit.toString()).contains("limit=300 requests per PT1M");
  }

  @Test
  void actuatorHealth_reportsHeyMilo() {
    assertThat(health.healthForPath("heymilo").getStatus()).isEqualTo(Status.UP);
  }
}
