package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.sdk.HeyMiloClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code Reset.BEFORE_EACH_CLASS} the class's tests share one state, in order; a configured sandbox is used. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeyMiloSandboxExtensionPerClassTest {
  @RegisterExtension
  static final HeyMiloSandboxExtension SANDBOX = HeyMiloSandboxExtension.builder()
      .sandbox(HeyMiloSandbox.builder().builtInFixtures(false))
      .reset(HeyMiloSandboxExtension.Reset.BEFORE_EACH_CLASS)
      .build();

  @Test
  @Order(1)
  void first_createsAPosting(HeyMiloClient client) {
    client.postings().create(new CreatePostingRequest().title("Shared"));
    assertEquals(1, client.postings().list().stream().count());
  }

  @Test
  @Order(2)
  void second_stillSeesIt(HeyMiloClient client) {
    assertEquals("Shared", client.postings().list().stream().findFirst().orElseThrow().getTitle());
  }
}
