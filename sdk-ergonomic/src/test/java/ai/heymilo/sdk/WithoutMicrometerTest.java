package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: a client that is given no {@code ObservationRegistry} must work without it.
 * The SDK runs here in a class loader that cannot see {@code io.micrometer}.
 */
class WithoutMicrometerTest {
  @Test
  void client_micrometerAbsentFromTheClassPath_callsAndWaitsWork() throws Exception {
    try (TestServer test = new TestServer()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      ClassLoader withoutMicrometer = new HidingClassLoader(getClass().getClassLoader(), "io.micrometer.");
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName("io.micrometer.observation.ObservationRegistry", false, withoutMicrometer));

      Class<?> scenario = Class.forName(Scenario.class.getName(), true, withoutMicrometer);
      assertNotSame(Scenario.class, scenario, "the scenario and the SDK it uses come from the hiding class loader");
      @SuppressWarnings("unchecked")
      Function<String, String> run = (Function<String, String>) scenario.getDeclaredConstructor().newInstance();

      assertEquals("completed completed", run.apply(test.server.url("/").toString()));
    }
  }

  /** Runs a wait and an asynchronous call; loaded in the hiding class loader. */
  public static final class Scenario implements Function<String, String> {
    @Override
    public String apply(String baseUrl) {
      try (HeyMiloClient client = HeyMiloClient.builder().apiKey(TestServer.API_KEY).baseUrl(baseUrl)
          .sleeper(duration -> {}).build()) {
        String waited = client.interviews().awaitData("iv_1", WaitOptions.builder().jitter(0).build()).getStatus();
        String async = client.async().interviews().getData("iv_1").get(10, TimeUnit.SECONDS).getStatus();
        return waited + " " + async;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Defines every class itself from {@code source}'s resources (JDK classes aside) and refuses a hidden prefix. */
  private static final class HidingClassLoader extends ClassLoader {
    private final ClassLoader source;
    private final String hiddenPrefix;

    HidingClassLoader(ClassLoader source, String hiddenPrefix) {
      super(ClassLoader.getPlatformClassLoader());
      this.source = source;
      this.hiddenPrefix = hiddenPrefix;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (name.startsWith(hiddenPrefix)) {
        throw new ClassNotFoundException(name + " is hidden");
      }
      try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }

    @Override
    protected URL findResource(String name) {
      return hidden(name) ? null : source.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
      return hidden(name) ? Collections.emptyEnumeration() : source.getResources(name);
    }

    private boolean hidden(String resource) {
      return resource.startsWith(hiddenPrefix.replace('.', '/'));
    }
  }
}
