package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.HeyMiloClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension starts one sandbox per class, resets it before each test and injects it or a client. */
@ExtendWith(HeyMiloSandboxExtension.class)
class HeyMiloSandboxExtensionTest {
  private final HeyMiloSandbox fromConstructor;
  private HeyMiloClient fromBeforeEach;

  HeyMiloSandboxExtensionTest(HeyMiloSandbox sandbox) {
    this.fromConstructor = sandbox;
  }

  @BeforeEach
  void keep(HeyMiloClient client) {
    this.fromBeforeEach = client;
  }

  @Test
  void injectsTheSandboxAndAClientForIt(HeyMiloSandbox sandbox, HeyMiloClient client) {
    assertSame(fromConstructor, sandbox);
    assertSame(fromBeforeEach, client, "one client per class");
    assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"));
    assertEquals("Customer Service Representative", client.postings().get(SandboxData.POSTING_ID).getTitle());
  }

  // Both tests poll the scenario once: each sees its first state, whatever the order, because of the reset.
  @Test
  void resetsBeforeEachTest_first(HeyMiloClient client) {
    assertEquals("not_ready", client.interviews().getData(SandboxData.INTERVIEW_ID).getStatus());
  }

  @Test
  void resetsBeforeEachTest_second(HeyMiloClient client) {
    assertEquals("not_ready", client.interviews().getData(SandboxData.INTERVIEW_ID).getStatus());
  }

  // Each test creates a posting and sees only its own: state is reset before each test, whatever the order.
  @Test
  void resetsStateBeforeEachTest_first(HeyMiloClient client) {
    client.postings().create(new ai.heymilo.model.CreatePostingRequest().title("First"));
    assertEquals(3, client.postings().list().stream().count());
  }

  @Test
  void resetsStateBeforeEachTest_second(HeyMiloClient client) {
    client.postings().create(new ai.heymilo.model.CreatePostingRequest().title("Second"));
    assertEquals(3, client.postings().list().stream().count());
  }

  @Nested
  class Inner {
    @Test
    void sharesTheEnclosingSandbox(HeyMiloSandbox sandbox, HeyMiloClient client) {
      assertSame(fromConstructor, sandbox);
      assertSame(fromBeforeEach, client);
    }
  }
}
