package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.document;
import static ai.heymilo.spec.Fixtures.failureMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  @TempDir Path folder;

  @Test
  void loadDirectory_readsEveryJsonFileInNameOrder() throws IOException {
    Files.writeString(folder.resolve("b.json"), document("{}", "{}"));
    Files.writeString(folder.resolve("a.json"), document("{}", "{}"));
    Files.writeString(folder.resolve("notes.txt"), "not a source");
    Files.createDirectory(folder.resolve("nested.json"));

    List<SpecSource> sources = SpecLoader.loadDirectory(folder);

    assertEquals(List.of("a.json", "b.json"), sources.stream().map(SpecSource::name).collect(Collectors.toList()));
  }

  @Test
  void loadDirectory_invalidJson_failsNamingFileLineAndColumn() throws IOException {
    Files.writeString(folder.resolve("a.json"), document("{}", "{}"));
    Files.writeString(folder.resolve("broken.json"), "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": }\n}");

    String message = failureMessage(() -> SpecLoader.loadDirectory(folder));

    assertEquals("broken.json is not valid JSON at line 3, column 21: Unexpected character ('}' (code 125)):"
        + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", message);
  }

  @Test
  void loadDirectory_noJsonFiles_fails() {
    assertEquals("No *.json sources in " + folder + "; put the OpenAPI documents there.",
        failureMessage(() -> SpecLoader.loadDirectory(folder)));
  }

  @Test
  void loadDirectory_missingFolder_fails() {
    Path missing = folder.resolve("missing");

    assertEquals("The spec sources folder " + missing + " does not exist or is not a folder.",
        failureMessage(() -> SpecLoader.loadDirectory(missing)));
  }

  @Test
  void parse_danglingRef_failsNamingFilePointerAndTarget() {
    String paths = "{\"/pets\": {\"get\": {\"responses\": {\"200\": {\"description\": \"OK\", \"content\":"
        + " {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Pets\"}}}}}}}}";

    String message = failureMessage(() -> SpecLoader.parse("pets.json", document(paths, "{\"Pet\": {}}")));

    assertEquals("pets.json: $ref at /paths/~1pets/get/responses/200/content/application~1json/schema/$ref points to"
        + " #/components/schemas/Pets, which does not exist in this document.", message);
  }

  @Test
  void parse_externalRef_fails() {
    String message = failureMessage(() -> SpecLoader.parse("pets.json",
        document("{}", "{\"Pet\": {\"$ref\": \"common.json#/components/schemas/Pet\"}}")));

    assertEquals("pets.json: $ref at /components/schemas/Pet/$ref points to common.json#/components/schemas/Pet,"
        + " an external reference; only local references (#/...) are supported.", message);
  }

  @Test
  void parse_refThatIsNotAPointer_fails() {
    String message = failureMessage(() -> SpecLoader.parse("pets.json",
        document("{}", "{\"Pet\": {\"$ref\": \"#components\"}}")));

    assertEquals("pets.json: $ref at /components/schemas/Pet/$ref points to #components, which is not a JSON pointer"
        + " (Invalid input: JSON Pointer expression must start with '/': \"components\").", message);
  }

  @Test
  void parse_resolvableRefs_pass() {
    String schemas = "{\"Pet\": {\"type\": \"object\"},"
        + " \"Pet Owner\": {\"type\": \"object\"},"
        + " \"ByName\": {\"$ref\": \"#/components/schemas/Pet\"},"
        + " \"Encoded\": {\"$ref\": \"#/components/schemas/Pet%20Owner\"},"
        + " \"Whole\": {\"$ref\": \"#\"},"
        + " \"IntoPaths\": {\"$ref\": \"#/paths/~1pets/get/responses/200\"}}";
    String paths = "{\"/pets\": {\"get\": {\"responses\": {\"200\": {\"description\": \"OK\"}}}}}";

    SpecSource source = SpecLoader.parse("pets.json", document(paths, schemas));

    assertEquals("pets.json", source.name());
  }
}
