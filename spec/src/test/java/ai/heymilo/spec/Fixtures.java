package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Small OpenAPI documents for tests: a shared header plus the paths and schemas a test is about. */
final class Fixtures {
  static final String OPENAPI = "\"openapi\": \"3.1.0\"";
  static final String INFO = "\"info\": {\"title\": \"Pets\", \"version\": \"1.0.0\"}";
  static final String SERVERS = "\"servers\": [{\"url\": \"https://api.example.com\"}]";
  static final String SECURITY = "\"security\": [{\"Key\": []}]";
  static final String SECURITY_SCHEMES =
      "\"securitySchemes\": {\"Key\": {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"X-API-KEY\"}}";

  private Fixtures() {}

  /** A document with the shared header, the given {@code paths} object and component {@code schemas} object. */
  static String document(String paths, String schemas) {
    return members(OPENAPI, INFO, SERVERS, SECURITY, "\"paths\": " + paths,
        "\"components\": {\"schemas\": " + schemas + ", " + SECURITY_SCHEMES + "}");
  }

  /** A JSON object made of the given {@code "key": value} members. */
  static String members(String... members) {
    return "{" + String.join(", ", members) + "}";
  }

  static SpecSource source(String name, String paths, String schemas) {
    return SpecLoader.parse(name, document(paths, schemas));
  }

  /** Two sources, {@code a.json} and {@code b.json}, that share no paths and differ only in one schema. */
  static List<SpecSource> schemaVersions(String name, String inA, String inB) {
    return List.of(
        source("a.json", "{}", "{\"" + name + "\": " + inA + "}"),
        source("b.json", "{}", "{\"" + name + "\": " + inB + "}"));
  }

  static MergeResult merge(SpecSource... sources) {
    return SpecMerger.merge(List.of(sources));
  }

  static JsonNode schema(MergeResult result, String name) {
    return result.spec().path("components").path("schemas").path(name);
  }

  static JsonNode json(String text) {
    return SpecJson.parseDocument("expected", text);
  }

  static String failureMessage(Executable executable) {
    return assertThrows(SpecMergeException.class, executable).getMessage();
  }
}
