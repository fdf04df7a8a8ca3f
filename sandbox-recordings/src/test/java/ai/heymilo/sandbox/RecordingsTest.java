package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.spec.operations.SchemaViolation;
import ai.heymilo.spec.operations.SpecOperations;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.spec.diff.SpecSurface;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
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
  private static SpecOperations spec;
  private static Path recordings;
  private static SortedMap<String, JsonNode> mappings;

  @BeforeAll
  static void load() throws IOException {
    spec = SpecOperations.load();
    recordings = RecordingsGenerator.defaultRoot(); // The committed files, whichever jar the sandbox comes from.
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
    Path source = RecordingsGenerator.defaultRoot();
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
          Math.min(5, differences.size())) + "). Regenerate them: mvn -B -q install -DskipTests && mvn -B -q -pl sandbox-recordings exec:java; "
          + "then rebuild the sandbox (see sandbox-recordings/README.md)");
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
      } else if (!pairs().contains(operationId + " " + status)) {
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
    assertEquals(SpecSurface.committed().pairs(), pairs());
    List<String> wrong = new ArrayList<>();
    for (String pair : pairs()) {
      if (primaries.getOrDefault(pair, 0) != 1) {
        wrong.add(pair + " has " + primaries.getOrDefault(pair, 0));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyJsonBody_isValidAgainstTheMergedSpec() throws IOException {
    List<String> problems = new ArrayList<>();
    int validated = 0;
    for (Map.Entry<String, JsonNode> entry : mappings.entrySet()) {
      JsonNode metadata = entry.getValue().path("metadata");
      Operation op = spec.operation(metadata.path("operationId").asText()).orElseThrow();
      int status = metadata.path("status").asInt();
      String contentType = entry.getValue().path("response").path("headers").path("Content-Type").asText("");
      String bodyFile = entry.getValue().path("response").path("bodyFileName").asText(null);
      String pointer = op.responseSchemaPointer(status, "application/json").orElse(null);
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
      JsonNode body = Json.read(Files.readString(recordings.resolve("__files").resolve(bodyFile)));
      validated++;
      for (SchemaViolation violation : spec.schemas().validate(pointer, body)) {
        problems.add(bodyFile + " (" + entry.getKey() + "): " + violation);
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

  /** Every operation × documented status, as {@code operationId status}. */
  private static java.util.Set<String> pairs() {
    java.util.Set<String> pairs = new TreeSet<>();
    for (Operation op : spec.operations()) {
      for (int status : op.statuses()) {
        pairs.add(op.operationId() + " " + status);
      }
    }
    return pairs;
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    java.util.Set<T> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
