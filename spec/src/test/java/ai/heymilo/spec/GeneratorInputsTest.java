package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard that keeps openapi-generator's skip-if-unchanged honest: the generator's stored spec hash survives only
 * while templates and options are unchanged too.
 */
class GeneratorInputsTest {
  @TempDir Path temp;
  private Path templates;
  private Path pom;
  private Path stamp;
  private Path storedHash;

  @BeforeEach
  void layout() throws IOException {
    templates = Files.createDirectories(temp.resolve("generator-templates/libraries/retrofit2"));
    Files.writeString(templates.resolve("api.mustache"), "{{#operations}}...{{/operations}}");
    pom = Files.writeString(temp.resolve("pom.xml"), "<typeMappings>integer=Long</typeMappings>");
    stamp = temp.resolve("target/generator-inputs.sha256");
    storedHash = temp.resolve("target/generated-sources/openapi/.openapi-generator/codegen.openapi.json-x.sha256");
    Files.createDirectories(storedHash.getParent());
    Files.writeString(storedHash, "abc");
  }

  private boolean refresh() {
    return GeneratorInputs.refresh(stamp, temp.resolve("target/generated-sources/openapi"),
        List.of(temp.resolve("generator-templates"), pom));
  }

  @Test
  void firstBuild_forgetsTheGeneratorsHash() {
    assertTrue(refresh());
    assertFalse(Files.exists(storedHash), "no stamp yet: generation must run");
  }

  @Test
  void unchangedInputs_keepTheGeneratorsHash() throws IOException {
    refresh();
    Files.writeString(storedHash, "abc");

    assertFalse(refresh());
    assertEquals("abc", Files.readString(storedHash));
  }

  @Test
  void changedTemplate_forcesRegeneration() throws IOException {
    refresh();
    Files.writeString(storedHash, "abc");
    Files.writeString(templates.resolve("api.mustache"), "{{#operations}}changed{{/operations}}");

    assertTrue(refresh());
    assertFalse(Files.exists(storedHash));
  }

  @Test
  void changedGeneratorOption_forcesRegeneration() throws IOException {
    refresh();
    Files.writeString(storedHash, "abc");
    Files.writeString(pom, "<typeMappings>integer=Integer</typeMappings>");

    assertTrue(refresh());
    assertFalse(Files.exists(storedHash));
  }

  @Test
  void renamedTemplate_changesTheHash() throws IOException {
    String before = GeneratorInputs.hash(List.of(temp.resolve("generator-templates")));
    Files.move(templates.resolve("api.mustache"), templates.resolve("model.mustache"));

    assertFalse(before.equals(GeneratorInputs.hash(List.of(temp.resolve("generator-templates")))));
  }
}
