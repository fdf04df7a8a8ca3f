package ai.heymilo.spec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.spec.api.fixture.after.Stats;
import ai.heymilo.spec.api.fixture.internal.Machinery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public-API gate over real compiled classes: a model before and after a spec change. */
class ApiGateTest {
  private static final String TYPE = "ai.heymilo.model.Stats";
  private static final Path CLASSES = Path.of(System.getProperty("basedir", ".")).resolve("target/test-classes");

  @TempDir Path temp;
  private Path snapshot;
  private Path specChanges;
  private Path changelog;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void files() throws IOException {
    snapshot = temp.resolve("api/heymilo-sdk-generated.api");
    specChanges = temp.resolve("spec-changes.tsv");
    changelog = temp.resolve("CHANGELOG.md");
    Files.copy(Path.of(System.getProperty("basedir", ".")).resolve("../CHANGELOG.md"), changelog);
  }

  @Test
  void dump_listsPublicAndProtectedSignaturesWithGenerics() {
    String rendered = snapshotOf(Stats.class).render("");

    assertEquals(String.join("\n",
        "public final class ai.heymilo.model.Stats",
        "  public <init>()",
        "  public static final java.lang.String KIND",
        "  protected java.util.Map<java.lang.String, java.lang.Object> extras()",
        "  public java.lang.Double getMedianScore()",
        "  public java.util.List<java.lang.String> getScores()",
        "  public java.lang.String getTotalCandidates()",
        "  public <T extends java.lang.Comparable<T>> T max(java.util.List<? extends T>)",
        "public enum ai.heymilo.model.Stats$Status",
        "  public static final ai.heymilo.model.Stats$Status CLOSED",
        "  public static final ai.heymilo.model.Stats$Status OPEN",
        "  public static ai.heymilo.model.Stats$Status valueOf(java.lang.String)",
        "  public static ai.heymilo.model.Stats$Status[] values()",
        ""), rendered);
  }

  @Test
  void dump_leavesOutInternalPackagesAndHiddenTypes() {
    ApiSnapshot snapshot = ApiDump.dump(CLASSES, getClass().getClassLoader());

    assertTrue(snapshot.types().containsKey(Stats.class.getName()));
    assertFalse(snapshot.types().containsKey(Machinery.class.getName()));
    assertFalse(snapshot.types().keySet().stream().anyMatch(name -> name.endsWith("$Hidden")));
    assertFalse(snapshot.types().containsKey(ApiGateTest.class.getName()), "package-private test class");
  }

  @Test
  void typeChange_failsNamingTheSignaturesAndTheSpecChange() throws IOException {
    Files.writeString(specChanges, TYPE + "#getTotalCandidates\tBREAKING\tschema Stats, property total_candidates: "
        + "type integer → string → `Stats.getTotalCandidates()` now returns `String` (was `Long`) — breaking\n");
    commit(before());

    ApiGateException failure = assertThrows(ApiGateException.class, () -> gate(after(), false));

    assertEquals(String.join("\n",
        "heymilo-sdk-generated: 3 incompatible changes to the public API (compared with " + snapshot + "):",
        "  ai.heymilo.model.Stats",
        "    - public java.util.List<java.lang.Long> getScores()",
        "    + public java.util.List<java.lang.String> getScores()",
        "    (no spec change explains it: a template, generator or hand-written change)",
        "  ai.heymilo.model.Stats",
        "    - public java.lang.Long getTotalCandidates()",
        "    + public java.lang.String getTotalCandidates()",
        "    spec: schema Stats, property total_candidates: type integer → string → `Stats.getTotalCandidates()` now "
            + "returns `String` (was `Long`) — breaking",
        "  ai.heymilo.model.Stats",
        "    - public void removedLater()",
        "    (no spec change explains it: a template, generator or hand-written change)",
        "If intended, acknowledge with one command; it rewrites the snapshot and records the change in CHANGELOG.md:",
        "  mvn -B verify -DskipTests -Dheymilo.acceptChanges",
        "Otherwise restore the previous API. Breaking changes need the next minor version while 0.x, the next major "
            + "after 1.0."), failure.getMessage());
  }

  @Test
  void compatibleAdditionsOnly_passWithANote() throws IOException {
    ApiSnapshot after = after();
    commit(without(after, "public java.lang.Double getMedianScore()"));

    gate(after, false);

    assertEquals("heymilo-sdk-generated: public API matches heymilo-sdk-generated.api except 1 compatible addition "
        + "(Stats#getMedianScore); mvn -B verify -DskipTests -Dheymilo.acceptChanges records them.\n", output());
  }

  @Test
  void accept_rewritesTheSnapshotAndRecordsWhatTheSpecDoesNotExplain() throws IOException {
    Files.writeString(specChanges, TYPE + "#getTotalCandidates\tBREAKING\tspec line\n");
    commit(before());

    gate(after(), true);
    gate(after(), false);

    assertEquals(after().render(ApiGate.header("heymilo-sdk-generated")), Files.readString(snapshot));
    String text = Files.readString(changelog);
    assertTrue(text.contains("- `heymilo-sdk-generated`: `Stats`: `public java.util.List<java.lang.Long> getScores()` "
        + "is now `public java.util.List<java.lang.String> getScores()` — breaking\n"), text);
    assertTrue(text.contains("- `heymilo-sdk-generated`: `Stats`: removed `public void removedLater()` — breaking\n"),
        text);
    assertFalse(text.contains("getTotalCandidates"), "explained by the spec block already: " + text);
    assertTrue(output().endsWith("heymilo-sdk-generated: public API matches heymilo-sdk-generated.api (2 types, "
        + "11 members).\n"), output());
  }

  @Test
  void missingSnapshot_failsWithTheCommandThatCreatesIt() {
    ApiGateException failure = assertThrows(ApiGateException.class, () -> gate(after(), false));

    assertEquals("heymilo-sdk-generated has no public-API snapshot at " + snapshot + "; create it with:\n"
        + "  mvn -B verify -DskipTests -Dheymilo.acceptChanges", failure.getMessage());
  }

  @Test
  void snapshotText_roundTrips() {
    ApiSnapshot after = after();

    ApiSnapshot parsed = ApiSnapshot.parse(after.render(ApiGate.header("x")), "x.api");

    assertEquals(after.render(""), parsed.render(""));
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private void gate(ApiSnapshot current, boolean accept) {
    ApiGate.run("heymilo-sdk-generated", current, snapshot, specChanges, changelog, accept, false,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private void commit(ApiSnapshot committed) throws IOException {
    Files.createDirectories(snapshot.getParent());
    Files.writeString(snapshot, committed.render(ApiGate.header("heymilo-sdk-generated")));
  }

  private static ApiSnapshot before() {
    return snapshotOf(ai.heymilo.spec.api.fixture.before.Stats.class);
  }

  private static ApiSnapshot after() {
    return snapshotOf(Stats.class);
  }

  /** The fixture's API, renamed to one model name, as if the same class had been compiled twice. */
  private static ApiSnapshot snapshotOf(Class<?> stats) {
    String from = stats.getName();
    Map<String, ApiSnapshot.Type> types = new java.util.TreeMap<>();
    for (Class<?> type : new Class<?>[] {stats, stats.getDeclaredClasses()[0]}) {
      if (!ApiDump.isApi(type)) {
        continue;
      }
      String name = type.getName().replace(from, TYPE);
      java.util.Set<String> members = new java.util.TreeSet<>();
      ApiDump.members(type).forEach(member -> members.add(member.replace(from, TYPE)));
      types.put(name, new ApiSnapshot.Type(name, ApiDump.header(type).replace(from, TYPE), members));
    }
    return new ApiSnapshot(types);
  }

  private static ApiSnapshot without(ApiSnapshot snapshot, String member) {
    Map<String, ApiSnapshot.Type> types = new java.util.TreeMap<>();
    snapshot.types().forEach((name, type) -> {
      java.util.Set<String> members = new java.util.TreeSet<>(type.members);
      members.remove(member);
      types.put(name, new ApiSnapshot.Type(name, type.header, members));
    });
    return new ApiSnapshot(types);
  }
}
