package ai.heymilo.sandbox;

import ai.heymilo.sdk.HeyMiloClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one {@link HeyMiloSandbox} per test class and injects it, or a client for it, into test
 * constructors, lifecycle methods and test methods. With {@code @ExtendWith} the sandbox is stateful and
 * its state is reset before each test; register a configured instance to change either.
 *
 * <pre>{@code
 * @ExtendWith(HeyMiloSandboxExtension.class)
 * class PostingsTest {
 *   @Test
 *   void getsThePosting(HeyMiloClient client) {
 *     assertEquals("Customer Service Representative", client.postings().get(SandboxData.POSTING_ID).getTitle());
 *   }
 *
 *   @Test
 *   void invalidKey(HeyMiloSandbox sandbox) {
 *     try (HeyMiloClient client = sandbox.clientBuilder().apiKey(HeyMiloSandbox.INVALID_API_KEY).build()) {
 *       assertThrows(AuthenticationException.class, () -> client.postings().get(SandboxData.POSTING_ID));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HeyMiloSandboxExtension SANDBOX = HeyMiloSandboxExtension.builder()
 *     .sandbox(HeyMiloSandbox.builder().seed(Path.of("src/test/resources/seed.json")))   // how it starts
 *     .reset(HeyMiloSandboxExtension.Reset.BEFORE_EACH_CLASS)                              // tests share state
 *     .build();
 * }</pre>
 *
 * <p>The sandbox starts before the class's {@code @BeforeAll} methods on a free port and stops
 * after its {@code @AfterAll} methods. Before each test (or only before the class, with
 * {@link Reset#BEFORE_EACH_CLASS}) it is {@linkplain HeyMiloSandbox#reset() reset}: the stored
 * objects return to the fixtures, polling scenarios restart, faults and stubs added through
 * {@link HeyMiloSandbox#wireMock()} are removed (add per-test stubs in the test or a
 * {@code @BeforeEach} method). The injected
 * {@link HeyMiloClient} uses {@link HeyMiloSandbox#API_KEY}, is shared by the class's tests and is
 * closed with the sandbox. Nested test classes share their enclosing class's sandbox.
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the class path (an optional dependency
 * of this artifact, which JUnit 5 users have anyway).
 */
public final class HeyMiloSandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(HeyMiloSandboxExtension.class);
  private static final String SANDBOX = "sandbox";
  private static final String CLIENT = "client";
  private static final String OWNER = "owner";

  /** When the extension returns the sandbox to its starting state. */
  public enum Reset {
    /** Before every test: no test sees what another created. The default. */
    BEFORE_EACH_TEST,
    /** Once, before the class's tests: they share state, in the order JUnit runs them. */
    BEFORE_EACH_CLASS
  }

  private final HeyMiloSandbox.Builder sandbox;
  private final Reset reset;

  /** Created by JUnit through {@code @ExtendWith(HeyMiloSandboxExtension.class)}: stateful, reset before each test. */
  public HeyMiloSandboxExtension() {
    this(HeyMiloSandbox.builder(), Reset.BEFORE_EACH_TEST);
  }

  private HeyMiloSandboxExtension(HeyMiloSandbox.Builder sandbox, Reset reset) {
    this.sandbox = sandbox;
    this.reset = reset;
  }

  /** Returns a builder for an extension to register with {@code @RegisterExtension} on a static field. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link HeyMiloSandboxExtension}. Not thread-safe. */
  public static final class Builder {
    private HeyMiloSandbox.Builder sandbox = HeyMiloSandbox.builder();
    private Reset reset = Reset.BEFORE_EACH_TEST;

    private Builder() {}

    /** How each test class's sandbox starts (mode, seeds, fixtures); default {@code HeyMiloSandbox.builder()}. */
    public Builder sandbox(HeyMiloSandbox.Builder sandbox) {
      this.sandbox = java.util.Objects.requireNonNull(sandbox, "sandbox == null");
      return this;
    }

    /** When to reset the sandbox; default {@link Reset#BEFORE_EACH_TEST}. */
    public Builder reset(Reset reset) {
      this.reset = java.util.Objects.requireNonNull(reset, "reset == null");
      return this;
    }

    public HeyMiloSandboxExtension build() {
      return new HeyMiloSandboxExtension(sandbox, reset);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(SANDBOX, HeyMiloSandbox.class) != null) {
      return; // A nested class: the enclosing class's sandbox serves it.
    }
    HeyMiloSandbox started = sandbox.start();
    store.put(SANDBOX, started);
    store.put(OWNER, context.getUniqueId());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (reset == Reset.BEFORE_EACH_TEST) {
      sandbox(context).reset();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (!context.getUniqueId().equals(store.get(OWNER, String.class))) {
      return;
    }
    HeyMiloClient client = store.remove(CLIENT, HeyMiloClient.class);
    HeyMiloSandbox sandbox = store.remove(SANDBOX, HeyMiloSandbox.class);
    store.remove(OWNER);
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == HeyMiloSandbox.class || type == HeyMiloClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    HeyMiloSandbox sandbox = sandbox(extensionContext);
    if (parameterContext.getParameter().getType() == HeyMiloSandbox.class) {
      return sandbox;
    }
    return ownerStore(extensionContext).getOrComputeIfAbsent(CLIENT, key -> sandbox.client(), HeyMiloClient.class);
  }

  private static HeyMiloSandbox sandbox(ExtensionContext context) {
    HeyMiloSandbox sandbox = context.getStore(NAMESPACE).get(SANDBOX, HeyMiloSandbox.class);
    if (sandbox == null) {
      throw new ParameterResolutionException("No HeyMilo sandbox is running for " + context.getDisplayName()
          + "; register the extension on the test class with @ExtendWith(HeyMiloSandboxExtension.class)"
          + " (a @RegisterExtension field must be static)");
    }
    return sandbox;
  }

  /** The store of the class context that started the sandbox, so the client lives as long as it. */
  private static ExtensionContext.Store ownerStore(ExtensionContext context) {
    String owner = context.getStore(NAMESPACE).get(OWNER, String.class);
    ExtensionContext current = context;
    while (owner != null && !current.getUniqueId().equals(owner) && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current.getStore(NAMESPACE);
  }
}
