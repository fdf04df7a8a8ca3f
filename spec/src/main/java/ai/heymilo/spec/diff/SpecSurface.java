package ai.heymilo.spec.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The API surface of the merged spec: every operation with its documented statuses, and every component schema.
 *
 * <p>The committed copy, {@code spec/api-surface.txt}, is compared with the merged spec on every build, so the first
 * message after an operation, status or schema appears or disappears is the surface diff. Tests read it from the
 * class path ({@link #committed()}) instead of pinning counts:
 *
 * <pre>{@code
 * assertEquals(SpecSurface.committed().routes(), generatedRoutes);
 * }</pre>
 *
 * <p>Reading the committed copy needs nothing but the JDK, so modules that take heymilo-spec without its
 * dependencies can use it; {@link #of} needs Jackson.
 */
public final class SpecSurface {
  /** Where the build puts the verified copy on the class path. */
  public static final String RESOURCE = "/ai/heymilo/spec/api-surface.txt";

  private static final String HEADER = String.join("\n",
      "# The API surface of the merged spec: every operation with its documented statuses, and every component schema.",
      "# The build compares it with the merged spec; after an intended change, one command rewrites it (review its",
      "# diff first) and records the change in CHANGELOG.md:",
      "#   " + SpecChangesStep.ACCEPT_COMMAND,
      "");

  /** One operation: {@code GET /api/v2/postings listPostings 200 401 404 422 429}. */
  public static final class Operation {
    private final String method;
    private final String path;
    private final String operationId;
    private final List<Integer> statuses;

    Operation(String method, String path, String operationId, List<Integer> statuses) {
      this.method = method;
      this.path = path;
      this.operationId = operationId;
      this.statuses = List.copyOf(statuses);
    }

    /** Upper case: {@code GET}. */
    public String method() {
      return method;
    }

    public String path() {
      return path;
    }

    public String operationId() {
      return operationId;
    }

    /** The documented statuses, ascending ({@code default} is not a status and is left out). */
    public List<Integer> statuses() {
      return statuses;
    }

    /** {@code GET /api/v2/postings}. */
    public String route() {
      return method + " " + path;
    }

    String line() {
      StringBuilder line = new StringBuilder("operation ").append(route()).append(' ').append(operationId);
      statuses.forEach(status -> line.append(' ').append(status));
      return line.toString();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Operation && ((Operation) other).line().equals(line());
    }

    @Override
    public int hashCode() {
      return line().hashCode();
    }

    @Override
    public String toString() {
      return line();
    }
  }

  private final int paths;
  private final List<Operation> operations;
  private final List<String> schemas;

  SpecSurface(int paths, List<Operation> operations, List<String> schemas) {
    this.paths = paths;
    this.operations = List.copyOf(operations);
    this.schemas = List.copyOf(schemas);
  }

  /**
   * The committed surface that the build verified against the merged spec and put on the class path.
   *
   * @throws SpecChangeException if heymilo-spec's {@value #RESOURCE} is not on the class path
   */
  public static SpecSurface committed() {
    try (InputStream in = SpecSurface.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new SpecChangeException(RESOURCE + " is not on the class path; build the spec module first (it "
            + "verifies spec/api-surface.txt and copies it there).");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new SpecChangeException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The surface of a merged spec (as parsed by Jackson). */
  public static SpecSurface of(com.fasterxml.jackson.databind.JsonNode mergedSpec) {
    return SurfaceReader.of(mergedSpec);
  }

  /**
   * Parses the text form written by {@link #render()}.
   *
   * @throws SpecChangeException naming {@code source} and the line, if a line is not understood
   */
  public static SpecSurface parse(String text, String source) {
    int paths = -1;
    List<Operation> operations = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      String[] words = line.strip().split(" ");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (words[0].equals("operation") && words.length >= 4) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 4; i < words.length; i++) {
          statuses.add(parseStatus(words[i], source, number));
        }
        operations.add(new Operation(words[1], words[2], words[3], statuses));
      } else if (words[0].equals("schema") && words.length == 2) {
        schemas.add(words[1]);
      } else if (words.length > 1 && words[1].equals("paths,")) {
        paths = Integer.parseInt(words[0]);
      } else {
        throw new SpecChangeException(source + " line " + number + " is not a surface line: '" + line
            + "'; expected 'operation METHOD PATH ID STATUS...', 'schema NAME' or the counts line.");
      }
    }
    if (paths < 0) {
      throw new SpecChangeException(source + " has no counts line ('N paths, ...').");
    }
    return new SpecSurface(paths, operations, schemas);
  }

  private static int parseStatus(String word, String source, int line) {
    try {
      return Integer.parseInt(word);
    } catch (NumberFormatException e) {
      throw new SpecChangeException(source + " line " + line + ": '" + word + "' is not an HTTP status.");
    }
  }

  /** How many paths the spec declares. */
  public int paths() {
    return paths;
  }

  /** Every operation, in the merged spec's order (paths sorted, methods in OpenAPI order). */
  public List<Operation> operations() {
    return operations;
  }

  /** Every component schema name, sorted. */
  public List<String> schemas() {
    return schemas;
  }

  /** Every route, {@code GET /api/v2/postings}, sorted. */
  public SortedSet<String> routes() {
    SortedSet<String> routes = new TreeSet<>();
    operations.forEach(op -> routes.add(op.route()));
    return Collections.unmodifiableSortedSet(routes);
  }

  /** Every operation × documented status, {@code listPostings 200}, sorted. */
  public SortedSet<String> pairs() {
    SortedSet<String> pairs = new TreeSet<>();
    operations.forEach(op -> op.statuses().forEach(status -> pairs.add(op.operationId() + " " + status)));
    return Collections.unmodifiableSortedSet(pairs);
  }

  /** The counts line, {@code 46 paths, 56 operations, 261 operation × status pairs, 127 schemas}. */
  public String counts() {
    return paths + " paths, " + operations.size() + " operations, " + pairs().size() + " operation × status pairs, "
        + schemas.size() + " schemas";
  }

  /** The committed text form. */
  public String render() {
    StringBuilder out = new StringBuilder(HEADER).append(counts()).append("\n\n");
    operations.forEach(op -> out.append(op.line()).append('\n'));
    out.append('\n');
    schemas.forEach(schema -> out.append("schema ").append(schema).append('\n'));
    return out.toString();
  }

  /** The lines only one side has: {@code - } for this (older) side, {@code + } for {@code newer}. */
  public List<String> diff(SpecSurface newer) {
    Set<String> olds = lines();
    Set<String> news = newer.lines();
    List<String> diff = new ArrayList<>();
    olds.stream().filter(line -> !news.contains(line)).forEach(line -> diff.add("- " + line));
    news.stream().filter(line -> !olds.contains(line)).forEach(line -> diff.add("+ " + line));
    return diff;
  }

  private Set<String> lines() {
    Set<String> lines = new LinkedHashSet<>();
    lines.add(counts());
    operations.forEach(op -> lines.add(op.line()));
    schemas.forEach(schema -> lines.add("schema " + schema));
    return lines;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpecSurface && ((SpecSurface) other).lines().equals(lines())
        && ((SpecSurface) other).operations.equals(operations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines());
  }

  @Override
  public String toString() {
    return counts();
  }
}
