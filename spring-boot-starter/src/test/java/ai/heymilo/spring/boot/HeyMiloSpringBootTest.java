package ai.heymilo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.heymilo.model.PostingResponse;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sdk.HeyMiloClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole Spring Boot auto-configuration, actuator included, against the recorded sandbox. */
@SpringBootTest(properties = {"heymilo.api-key=" + HeyMiloSandbox.API_KEY, "management.endpoint.health.show-details=always"})
class HeyMiloSpringBootTest {
  private static final HeyMiloSandbox sandbox = HeyMiloSandbox.start();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  @DynamicPropertySource
  static void sandboxUrl(DynamicPropertyRegistry registry) {
    registry.add("heymilo.base-url", sandbox::baseUrl);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Autowired HeyMiloClient client;
  @Autowired HealthEndpoint health;

  @Test
  void injectedClient_callsTheApi() {
    PostingResponse posting = client.postings().get(SandboxData.POSTING_ID);

    assertThat(posting.getId()).isEqualTo(SandboxData.POSTING_ID);
  }

  @Test
  void actuatorHealth_includesHeyMilo() {
    assertThat(health.healthForPath("heymilo").getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
