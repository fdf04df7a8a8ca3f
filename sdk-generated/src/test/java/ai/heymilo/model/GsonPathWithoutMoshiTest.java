package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moshi is an optional dependency: an application that uses Gson has no Moshi jar, so nothing on
 * the Gson path — models, the JSON core, the Gson binding, {@code HeyMiloGson} — may load a Moshi
 * class. Proven by running the Gson path in a class loader that cannot see Moshi at all.
 */
class GsonPathWithoutMoshiTest {

  private static URLClassLoader withoutMoshi() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("moshi")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  @Test
  void gsonDecodesAndEncodesModels_withNoMoshiOnTheClassPath() throws Exception {
    String body;
    try (var in = getClass().getResourceAsStream("/examples/get-interview-data-200.json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (URLClassLoader loader = withoutMoshi()) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.squareup.moshi.Moshi"), "the class path really lacks Moshi");
      Class<?> heyMiloGson = loader.loadClass("ai.heymilo.client.HeyMiloGson");
      Class<?> gsonType = loader.loadClass("com.google.gson.Gson");
      Class<?> envelope = loader.loadClass("ai.heymilo.model.SingleResponseInterviewDataResponse");
      Object gson = heyMiloGson.getMethod("create").invoke(null);
      Method fromJson = gsonType.getMethod("fromJson", String.class, Class.class);
      Method toJson = gsonType.getMethod("toJson", Object.class);

      Object decoded = fromJson.invoke(gson, body, envelope);
      Object again = fromJson.invoke(gson, toJson.invoke(gson, decoded), envelope);
      Object violations = loader.loadClass("ai.heymilo.model.ApiObject").getMethod("violations").invoke(decoded);

      assertEquals(decoded, again);
      assertTrue(violations instanceof List, String.valueOf(violations));
      assertTrue(decoded.toString().startsWith("SingleResponseInterviewDataResponse{data=InterviewDataResponse{"), decoded.toString());
    }
  }

  @Test
  void theClassPathEntriesExist() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      assertTrue(Files.exists(Path.of(entry)), entry);
    }
  }
}
