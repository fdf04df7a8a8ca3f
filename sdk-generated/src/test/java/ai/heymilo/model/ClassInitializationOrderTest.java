package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON core's classes refer to each other's constants; whichever of them a program happens to load first (a
 * framework scanning classes, a free-form map decoded before any model), every codec must still be there. Each case
 * runs in a fresh class loader that initialises one class first, then decodes a model with free-form maps.
 */
class ClassInitializationOrderTest {
  private static final String BODY = "{\"data\": {\"id\": \"13D77095\", \"title\": \"Barista\", "
      + "\"metadata\": {\"source\": \"workday\"}, \"ats_metadata\": {\"job_id\": 42, \"tags\": [\"a\", 1.5]}}}";

  @ParameterizedTest
  @ValueSource(strings = {"ai.heymilo.model.FreeformCodec", "ai.heymilo.model.Codec", "ai.heymilo.model.FormatCodec",
      "ai.heymilo.model.ModelCodec", "ai.heymilo.model.PostingResponse", "ai.heymilo.client.HeyMiloGson"})
  void decoding_worksWhateverClassInitialisesFirst(String first) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class.forName(first, true, loader);
      Object gson = loader.loadClass("ai.heymilo.client.HeyMiloGson").getMethod("create").invoke(null);
      Method fromJson = loader.loadClass("com.google.gson.Gson").getMethod("fromJson", String.class, Class.class);
      Object envelope = fromJson.invoke(gson, BODY, loader.loadClass("ai.heymilo.model.SingleResponsePostingResponse"));
      Object posting = envelope.getClass().getMethod("getData").invoke(envelope);

      assertEquals(Map.of("source", "workday"), posting.getClass().getMethod("getMetadata").invoke(posting));
      assertEquals(Map.of("job_id", 42L, "tags", List.of("a", 1.5)), posting.getClass().getMethod("getAtsMetadata").invoke(posting));
    }
  }
}
