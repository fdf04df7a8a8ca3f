package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.INFO;
import static ai.heymilo.spec.Fixtures.OPENAPI;
import static ai.heymilo.spec.Fixtures.SECURITY;
import static ai.heymilo.spec.Fixtures.SECURITY_SCHEMES;
import static ai.heymilo.spec.Fixtures.SERVERS;
import static ai.heymilo.spec.Fixtures.failureMessage;
import static ai.heymilo.spec.Fixtures.json;
import static ai.heymilo.spec.Fixtures.members;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What {@link SpecMerger} requires the sources to agree on: openapi, info, servers, security, security schemes. */
class SpecMergerTopLevelTest {
  private static final String PATHS = "\"paths\": {}";
  private static final String COMPONENTS = "\"components\": {" + SECURITY_SCHEMES + "}";
  private static final String BASE = members(OPENAPI, INFO, SERVERS, SECURITY, PATHS, COMPONENTS);

  @Test
  void merge_infoTitleDiffers_fails() {
    String other = members(OPENAPI, "\"info\": {\"title\": \"Animals\", \"version\": \"1.0.0\"}", SERVERS, SECURITY,
        PATHS, COMPONENTS);

    assertEquals("Cannot merge info at title: a.json has \"Pets\", b.json has \"Animals\".", mergeFailure(BASE, other));
  }

  @Test
  void merge_infoVersionDiffers_fails() {
    String other = members(OPENAPI, "\"info\": {\"title\": \"Pets\", \"version\": \"2.0.0\"}", SERVERS, SECURITY,
        PATHS, COMPONENTS);

    assertEquals("Cannot merge info at version: a.json has \"1.0.0\", b.json has \"2.0.0\".",
        mergeFailure(BASE, other));
  }

  @Test
  void merge_infoDescriptionInOneSourceOnly_keepsIt() {
    String described = members(OPENAPI,
        "\"info\": {\"title\": \"Pets\", \"description\": \"The pet API.\", \"version\": \"1.0.0\"}", SERVERS,
        SECURITY, PATHS, COMPONENTS);

    MergeResult result = merge(BASE, described);

    assertEquals(json("{\"title\": \"Pets\", \"version\": \"1.0.0\", \"description\": \"The pet API.\"}"),
        result.spec().get("info"));
  }

  @Test
  void merge_openapiVersionDiffers_fails() {
    String other = members("\"openapi\": \"3.0.3\"", INFO, SERVERS, SECURITY, PATHS, COMPONENTS);

    assertEquals("Cannot merge openapi: a.json has \"3.1.0\", b.json has \"3.0.3\".", mergeFailure(BASE, other));
  }

  @Test
  void merge_serverUrlDiffers_fails() {
    String other = members(OPENAPI, INFO, "\"servers\": [{\"url\": \"https://sandbox.example.com\"}]", SECURITY,
        PATHS, COMPONENTS);

    assertEquals("Cannot merge servers at 0/url: a.json has \"https://api.example.com\","
        + " b.json has \"https://sandbox.example.com\".", mergeFailure(BASE, other));
  }

  @Test
  void merge_serverDescriptionInOneSourceOnly_isAllowed() {
    String described = members(OPENAPI, INFO,
        "\"servers\": [{\"url\": \"https://api.example.com\", \"description\": \"Production\"}]", SECURITY, PATHS,
        COMPONENTS);

    MergeResult result = merge(BASE, described);

    assertEquals("Production", result.spec().at("/servers/0/description").asText());
  }

  @Test
  void merge_serversMissingInOneSource_fails() {
    String withoutServers = members(OPENAPI, INFO, SECURITY, PATHS, COMPONENTS);

    assertEquals("Cannot merge servers: declared by a.json but missing from b.json; every source must declare it,"
        + " and agree on it.", mergeFailure(BASE, withoutServers));
  }

  @Test
  void merge_securityDiffers_fails() {
    String other = members(OPENAPI, INFO, SERVERS, "\"security\": [{\"Bearer\": []}]", PATHS, COMPONENTS);

    assertEquals("Cannot merge security: a.json has [{\"Key\":[]}], b.json has [{\"Bearer\":[]}].",
        mergeFailure(BASE, other));
  }

  @Test
  void merge_securitySchemeDiffers_failsNamingIt() {
    String other = members(OPENAPI, INFO, SERVERS, SECURITY, PATHS, "\"components\": {\"securitySchemes\":"
        + " {\"Key\": {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"Authorization\"}}}");

    assertEquals("Cannot merge security scheme 'Key' at name: a.json has \"X-API-KEY\", b.json has \"Authorization\".",
        mergeFailure(BASE, other));
  }

  @Test
  void merge_securitySchemeDescriptionDiffers_keepsTheRicher() {
    String described = members(OPENAPI, INFO, SERVERS, SECURITY, PATHS, "\"components\": {\"securitySchemes\":"
        + " {\"Key\": {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"X-API-KEY\", \"description\": \"Key\"}}}");

    MergeResult result = merge(BASE, described);

    assertEquals("Key", result.spec().at("/components/securitySchemes/Key/description").asText());
  }

  @Test
  void merge_tags_unitesThemByNameKeepingTheRicherDescription() {
    String first = members(OPENAPI, INFO, SERVERS, SECURITY, PATHS, COMPONENTS,
        "\"tags\": [{\"name\": \"Pets\"}, {\"name\": \"Owners\", \"description\": \"People.\"}]");
    String second = members(OPENAPI, INFO, SERVERS, SECURITY, PATHS, COMPONENTS,
        "\"tags\": [{\"name\": \"Stores\"}, {\"name\": \"Pets\", \"description\": \"Animals.\"}]");

    MergeResult result = merge(first, second);

    assertEquals(Fixtures.json("{\"tags\": [{\"name\": \"Pets\", \"description\": \"Animals.\"},"
            + " {\"name\": \"Owners\", \"description\": \"People.\"}, {\"name\": \"Stores\"}]}").get("tags"),
        result.spec().get("tags"));
  }

  private static MergeResult merge(String first, String second) {
    return Fixtures.merge(SpecLoader.parse("a.json", first), SpecLoader.parse("b.json", second));
  }

  private static String mergeFailure(String first, String second) {
    return failureMessage(() -> merge(first, second));
  }
}
