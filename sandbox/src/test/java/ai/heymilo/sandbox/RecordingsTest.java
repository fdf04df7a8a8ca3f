package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.sandbox.SpecOperations.Operation;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.spec.diff.SpecSurface;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed recordings: up to date, complete, well-formed, valid against the spec, loadable from a jar. */
class RecordingsTest {
  private static final String SPEC_URI = "https://sandbox.heymilo.test/openapi.json";
  private static SpecOperations spec;
  private static Path recordings;
  private static SortedMap<String, JsonNode> mappings;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    spec = new SpecOperations();
    URL root = RecordingsTest.class.getClassLoader().getResource(HeyMiloSandbox.RECORDINGS);
    recordings = Path.of(root.toURI());
    mappings = new TreeMap<>();
    try (Stream<Path> files = Files.list(recordings.resolve("mappings"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        mappings.put(file.getFileName().toString(), Json.read(Files.readString(file)));
      }
    }
  }

  @Test
  void committedRecordings_matchWhatTheGeneratorWrites() throws IOException {
    SortedMap<String, byte[]> generated = new RecordingsGenerator(spec, new Fixtures()).generate();
    Path source = Path.of("src/main/resources", HeyMiloSandbox.RECORDINGS);
    SortedMap<String, byte[]> committed = new TreeMap<>();
    for (String folder : List.of(RecordingsGenerator.MAPPINGS, RecordingsGenerator.FILES)) {
      try (Stream<Path> files = Files.list(source.resolve(folder))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          committed.put(folder + file.getFileName(), Files.readAllBytes(file));
        }
      }
    }
    List<String> differences = new ArrayList<>();
    for (String name : new TreeSet<>(union(generated.keySet(), committed.keySet()))) {
      byte[] want = generated.get(name);
      byte[] have = committed.get(name);
      if (want == null) {
        differences.add("not generated any more: " + name);
      } else if (have == null) {
        differences.add("missing: " + name);
      } else if (!java.util.Arrays.equals(want, have)) {
        differences.add("differs: " + name);
      }
    }
    if (!differences.isEmpty()) {
      fail("The committed recordings are out of date (" + differences.size() + " files, first: " + differences.subList(0,
          Math.min(5, differences.size())) + "). Regenerate them: mvn -B -q install -DskipTests && mvn -B -q -pl sandbox exec:java "
          + "-Dexec.mainClass=ai.heymilo.sandbox.RecordingsGenerator -Dexec.classpathScope=test");
    }
  }

  @Test
  void everyMapping_parsesAndNamesADocumentedOperationAndStatus() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : mappings.entrySet()) {
      StubMapping stub = StubMapping.buildFrom(entry.getValue().toString());
      JsonNode metadata = entry.getValue().path("metadata");
      String operationId = metadata.path("operationId").asText("");
      int status = metadata.path("status").asInt(-1);
      if (operationId.isEmpty() || status < 0 || stub.getMetadata() == null) {
        problems.add(entry.getKey() + ": no operationId/status metadata");
      } else if (!spec.pairs().contains(operationId + " " + status)) {
        problems.add(entry.getKey() + ": " + operationId + " " + status + " is not documented in the spec");
      } else if (stub.getResponse().getStatus() != status) {
        problems.add(entry.getKey() + ": answers " + stub.getResponse().getStatus() + " but its metadata says " + status);
      }
      String bodyFile = stub.getResponse().getBodyFileName();
      if (bodyFile != null && !Files.isRegularFile(recordings.resolve("__files").resolve(bodyFile))) {
        problems.add(entry.getKey() + ": body file " + bodyFile + " does not exist");
      }
      if (status == 429 && !"1".equals(entry.getValue().path("response").path("headers").path("Retry-After").asText())) {
        problems.add(entry.getKey() + ": a 429 without Retry-After: 1");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyOperationAndDocumentedStatus_hasExactlyOnePrimaryMapping() {
    Map<String, Integer> primaries = new HashMap<>();
    for (JsonNode mapping : mappings.values()) {
      String trigger = mapping.path("metadata").path("trigger").asText();
      if (trigger.equals("default") || trigger.equals("status-header")) {
        primaries.merge(mapping.path("metadata").path("operationId").asText() + " " + mapping.path("metadata").path("status").asInt(),
            1, Integer::sum);
      }
    }
    // The committed surface (spec/api-surface.txt) names what the spec must have; its diff shows what changed.
    assertEquals(SpecSurface.committed().pairs(), spec.pairs());
    List<String> wrong = new ArrayList<>();
    for (String pair : spec.pairs()) {
      if (primaries.getOrDefault(pair, 0) != 1) {
        wrong.add(pair + " has " + primaries.getOrDefault(pair, 0));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyJsonBody_isValidAgainstTheMergedSpec() throws IOException {
    String specText = new String(RecordingsTest.class.getResourceAsStream(SpecOperations.SPEC_RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8);
    SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(SPEC_URI, specText)));
    Map<String, Schema> schemas = new HashMap<>();
    List<String> problems = new ArrayList<>();
    int validated = 0;
    for (Map.Entry<String, JsonNode> entry : mappings.entrySet()) {
      JsonNode metadata = entry.getValue().path("metadata");
      Operation op = spec.get(metadata.path("operationId").asText());
      int status = metadata.path("status").asInt();
      String contentType = entry.getValue().path("response").path("headers").path("Content-Type").asText("");
      String bodyFile = entry.getValue().path("response").path("bodyFileName").asText(null);
      String pointer = op.responseSchemaPointer(status);
      if (bodyFile == null || !contentType.equals("application/json")) {
        if (pointer != null && status != 200) {
          problems.add(entry.getKey() + ": documents a JSON body but has none");
        }
        continue;
      }
      if (pointer == null) {
        problems.add(entry.getKey() + ": has a JSON body where the spec documents none");
        continue;
      }
      Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(SPEC_URI + "#" + p)));
      JsonNode body = Json.read(Files.readString(recordings.resolve("__files").resolve(bodyFile)));
      List<Error> errors = schema.validate(body);
      validated++;
      for (Error error : errors) {
        problems.add(bodyFile + " (" + entry.getKey() + "): " + error);
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(validated > 500, "validated only " + validated + " bodies");
  }

  @Test
  void recordings_loadFromInsideAJar(@TempDir Path temp) throws IOException {
    Path jar = temp.resolve("recordings.jar");
    Path classes = recordings;
    for (int i = 0; i < HeyMiloSandbox.RECORDINGS.split("/").length; i++) {
      classes = classes.getParent();
    }
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
         Stream<Path> files = Files.walk(recordings)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = classes.relativize(file).toString().replace('\\', '/') + (Files.isDirectory(file) ? "/" : "");
        zip.putNextEntry(new ZipEntry(name));
        if (Files.isRegularFile(file)) {
          zip.write(Files.readAllBytes(file));
        }
        zip.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
         HeyMiloSandbox sandbox = HeyMiloSandbox.start(0, new ClasspathFileSource(loader, HeyMiloSandbox.RECORDINGS));
         HeyMiloClient client = sandbox.client()) {
      assertTrue(loader.getResource(HeyMiloSandbox.RECORDINGS + "/mappings").toString().startsWith("jar:"));
      assertEquals(mappings.size() + 3, sandbox.wireMock().getStubMappings().size(), "every mapping and the 3 internal stubs");
      assertEquals("Customer Service Representative", client.postings().get(SandboxData.POSTING_ID).getTitle());
      assertArrayEquals(RecordingsGenerator.Mp3.preview(), client.voices().getPreview(SandboxData.REDIRECTING_VOICE_ID));
      assertEquals("completed", client.interviews().getData(SandboxData.interviewCompletingAfter(1, "jar")).getStatus());
    }
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    java.util.Set<T> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
