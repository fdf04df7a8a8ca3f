package ai.heymilo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.ListEnvelope;
import ai.heymilo.model.SingleEnvelope;
import ai.heymilo.spec.diff.SpecSurface;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/** The generated Retrofit interfaces match the merged spec operation for operation. */
class GeneratedApiTest {

  private static JsonNode spec;
  /** "GET /api/v2/postings" → generated method. */
  private static final Map<String, Method> methodsByRoute = new TreeMap<>();

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = GeneratedApiTest.class.getResourceAsStream("/ai/heymilo/spec/openapi.json")) {
      spec = new ObjectMapper().readTree(in);
    }
    for (Class<?> api : generatedApis()) {
      for (Method method : api.getDeclaredMethods()) {
        String route = route(method);
        assertFalse(methodsByRoute.containsKey(route), "two methods for " + route);
        methodsByRoute.put(route, method);
      }
    }
  }

  @Test
  void everyOperationOfTheSpec_hasExactlyOneMethod() {
    Set<String> specRoutes = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").properties().iterator(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(verb -> specRoutes.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    // spec/api-surface.txt names the routes the spec must have; its diff is what changed.
    assertEquals(SpecSurface.committed().routes(), specRoutes);
    assertEquals(specRoutes, methodsByRoute.keySet());
  }

  @Test
  void noMethod_takesCredentialHeaders() {
    for (Method method : methodsByRoute.values()) {
      for (Annotation[] annotations : method.getParameterAnnotations()) {
        for (Annotation annotation : annotations) {
          if (annotation instanceof Header) {
            String name = ((Header) annotation).value().toLowerCase(Locale.ROOT);
            assertFalse(Set.of("x-api-key", "authorization", "x-workspace-id").contains(name), method + " takes " + name);
          }
        }
      }
    }
  }

  @Test
  void frameworkOperationIds_readWell() {
    assertEquals("healthCheck", methodsByRoute.get("GET /health").getName());
    assertEquals("listAgentTypes", methodsByRoute.get("GET /api/v2/schemas/agents").getName());
    assertEquals("listQuestionTypes", methodsByRoute.get("GET /api/v2/schemas/question-types").getName());
  }

  @Test
  void voicePreview_yieldsTheRawBody() {
    Method preview = methodsByRoute.get("GET /api/v2/voices/{voice_id}/preview");
    assertEquals(ResponseBody.class, ((ParameterizedType) preview.getGenericReturnType()).getActualTypeArguments()[0]);
  }

  @Test
  void everyJsonResult_isAnEnvelope() {
    int lists = 0;
    for (Method method : methodsByRoute.values()) {
      assertEquals(Call.class, method.getReturnType(), method.toString());
      Object body = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
      if (body instanceof Class && ((Class<?>) body).getSimpleName().startsWith("ListResponse")) {
        assertTrue(ListEnvelope.class.isAssignableFrom((Class<?>) body), body + " is not a ListEnvelope");
        lists++;
      } else if (body instanceof Class && ((Class<?>) body).getSimpleName().startsWith("SingleResponse")) {
        assertTrue(SingleEnvelope.class.isAssignableFrom((Class<?>) body), body + " is not a SingleEnvelope");
      }
    }
    assertEquals(listOperations(), lists, "operations whose success response is a ListResponse_* envelope");
  }

  /** How many operations of the merged spec answer a {@code ListResponse_*} envelope on their first 2xx status. */
  private static int listOperations() {
    int count = 0;
    for (JsonNode pathItem : spec.path("paths")) {
      for (JsonNode operation : pathItem) {
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").properties().iterator();
            responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (response.getKey().startsWith("2")) {
            String ref = response.getValue().path("content").path("application/json").path("schema").path("$ref").asText();
            count += ref.startsWith("#/components/schemas/ListResponse") ? 1 : 0;
            break;
          }
        }
      }
    }
    return count;
  }

  /** Every interface the generator wrote into ai.heymilo.api (found on disk, so a new tag needs no edit here). */
  private static List<Class<?>> generatedApis() throws Exception {
    Path folder = Path.of(HealthApi.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("ai/heymilo/api");
    List<Class<?>> apis = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith("Api.class")) {
          apis.add(Class.forName("ai.heymilo.api." + name.substring(0, name.length() - ".class".length())));
        }
      }
    }
    assertTrue(apis.size() >= 15, "found only " + apis);
    return apis;
  }

  private static String route(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      String verb = annotation.annotationType().getSimpleName();
      String path = null;
      if (annotation instanceof GET) {
        path = ((GET) annotation).value();
      } else if (annotation instanceof POST) {
        path = ((POST) annotation).value();
      } else if (annotation instanceof PATCH) {
        path = ((PATCH) annotation).value();
      } else if (annotation instanceof PUT) {
        path = ((PUT) annotation).value();
      } else if (annotation instanceof DELETE) {
        path = ((DELETE) annotation).value();
      }
      if (path != null) {
        return verb + " /" + path;
      }
    }
    throw new AssertionError(method + " has no HTTP annotation");
  }
}
