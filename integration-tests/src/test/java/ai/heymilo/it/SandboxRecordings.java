package ai.heymilo.it;

import ai.heymilo.sandbox.HeyMiloSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sandbox's recordings as heymilo-sandbox ships them: the WireMock mappings and body files
 * under {@value #ROOT} on the class path, read from the sandbox jar (or its classes folder when a
 * build stops before packaging).
 */
final class SandboxRecordings {
  static final String ROOT = "ai/heymilo/sandbox/recordings";
  /** The triggers of the mappings that {@code X-Sandbox-Status} (or no header, for the 2xx) selects. */
  static final Set<String> PRIMARY_TRIGGERS = Set.of("default", "status-header");

  private static final class Holder {
    static final SandboxRecordings INSTANCE = fromClassPath();
  }

  private final List<Recording> mappings;
  private final Map<String, byte[]> files;

  SandboxRecordings(List<Recording> mappings, Map<String, byte[]> files) {
    this.mappings = List.copyOf(mappings);
    this.files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** The recordings of the heymilo-sandbox on the class path, read once. */
  static SandboxRecordings load() {
    return Holder.INSTANCE;
  }

  /** Every mapping, by file name. */
  List<Recording> mappings() {
    return mappings;
  }

  /** The body file {@code name} of {@code __files/}, if it exists. */
  Optional<byte[]> file(String name) {
    return Optional.ofNullable(files.get(name)).map(byte[]::clone);
  }

  /** The mapping that the sandbox serves for {@code pair} when asked through {@code X-Sandbox-Status}. */
  Optional<Recording> primary(OperationStatus pair) {
    return mappings.stream()
        .filter(r -> r.pair().equals(pair) && PRIMARY_TRIGGERS.contains(r.trigger()))
        .findFirst();
  }

  private static SandboxRecordings fromClassPath() {
    URL mappingsUrl = HeyMiloSandbox.class.getClassLoader().getResource(ROOT + "/mappings");
    if (mappingsUrl == null) {
      throw new IllegalStateException(ROOT + "/mappings is not on the class path; is heymilo-sandbox a dependency?");
    }
    try {
      URI uri = mappingsUrl.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.provider().getPath(uri).getParent());
        }
      }
      return read(Path.of(uri).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the recordings at " + mappingsUrl, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recordings at " + mappingsUrl, e);
    }
  }

  private static SandboxRecordings read(Path root) throws IOException {
    List<Recording> mappings = new ArrayList<>();
    for (Map.Entry<String, byte[]> mapping : readFolder(root.resolve("mappings")).entrySet()) {
      mappings.add(new Recording(mapping.getKey(), Json.parse(mapping.getValue(), "mapping " + mapping.getKey())));
    }
    return new SandboxRecordings(mappings, readFolder(root.resolve("__files")));
  }

  private static SortedMap<String, byte[]> readFolder(Path folder) throws IOException {
    SortedMap<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          contents.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    return contents;
  }

  /** One WireMock mapping and its {@code metadata} (operationId, status, method, path, trigger). */
  record Recording(String fileName, JsonNode mapping) {
    String operationId() {
      return mapping.path("metadata").path("operationId").asText("");
    }

    /** The status the metadata names; -1 if none. */
    int metadataStatus() {
      return mapping.path("metadata").path("status").asInt(-1);
    }

    OperationStatus pair() {
      return new OperationStatus(operationId(), metadataStatus());
    }

    String trigger() {
      return mapping.path("metadata").path("trigger").asText("");
    }

    JsonNode response() {
      return mapping.path("response");
    }

    /** A response header of the recording, ignoring case; null if absent. */
    String responseHeader(String name) {
      for (Map.Entry<String, JsonNode> header : response().path("headers").properties()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          JsonNode value = header.getValue();
          return value.isArray() ? value.path(0).asText() : value.asText();
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return fileName;
    }
  }
}
