package ai.heymilo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code heymilo.*} from: every property, described, with its default. */
class ConfigurationMetadataTest {
  private static final Map<String, JsonNode> properties = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json (spring-boot-configuration-processor)").isNotNull();
      for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
        properties.put(property.get("name").asText(), property);
      }
    }
  }

  @Test
  void everyProperty_isListedWithADescription() {
    assertThat(properties.keySet()).containsExactlyInAnyOrder(
        "heymilo.api-key", "heymilo.bearer-token", "heymilo.workspace-id", "heymilo.base-url", "heymilo.timeout",
        "heymilo.connect-timeout", "heymilo.read-timeout", "heymilo.write-timeout", "heymilo.max-retries",
        "heymilo.max-retry-after", "heymilo.max-concurrent-requests", "heymilo.json-library", "heymilo.log-level",
        "heymilo.rate-limit.type", "heymilo.rate-limit.permits", "heymilo.rate-limit.window", "heymilo.rate-limit.redis.uri",
        "heymilo.rate-limit.redis.key-prefix", "heymilo.rate-limit.redis.burst", "heymilo.rate-limit.redis.safety-margin",
        "heymilo.rate-limit.redis.command-timeout", "heymilo.rate-limit.redis.connect-timeout",
        "heymilo.rate-limit.redis.retry-interval", "heymilo.rate-limit.redis.outage-policy", "heymilo.webhooks.path",
        "heymilo.webhooks.secret", "heymilo.webhooks.secret-parameter", "heymilo.webhooks.secret-header",
        "heymilo.webhooks.max-body-bytes", "heymilo.webhooks.delivery-id-header");
    assertThat(properties.values()).allSatisfy(p -> assertThat(p.path("description").asText()).as(p.get("name").asText()).isNotBlank());
  }

  @Test
  void defaults_areTheClientBuildersDefaults() {
    assertThat(defaultOf("heymilo.base-url")).isEqualTo("https://api.heymilo.ai");
    assertThat(defaultOf("heymilo.timeout")).isEqualTo("60s");
    assertThat(defaultOf("heymilo.connect-timeout")).isEqualTo("10s");
    assertThat(defaultOf("heymilo.read-timeout")).isEqualTo("30s");
    assertThat(defaultOf("heymilo.max-retries")).isEqualTo("2");
    assertThat(defaultOf("heymilo.max-concurrent-requests")).isEqualTo("16");
    assertThat(defaultOf("heymilo.json-library")).isEqualTo("gson");
    assertThat(defaultOf("heymilo.rate-limit.type")).isEqualTo("none");
    assertThat(defaultOf("heymilo.rate-limit.permits")).isEqualTo("300");
    assertThat(defaultOf("heymilo.rate-limit.window")).isEqualTo("1m");
    assertThat(defaultOf("heymilo.rate-limit.redis.command-timeout")).isEqualTo("500ms");
    assertThat(defaultOf("heymilo.rate-limit.redis.outage-policy")).isEqualTo("fail-open");
    assertThat(defaultOf("heymilo.webhooks.secret-parameter")).isEqualTo("token");
    assertThat(defaultOf("heymilo.webhooks.max-body-bytes")).isEqualTo("1048576");
    assertThat(properties.get("heymilo.webhooks.path").has("defaultValue")).as("no endpoint unless the path is set").isFalse();
  }

  private static String defaultOf(String name) {
    return properties.get(name).path("defaultValue").asText();
  }
}
