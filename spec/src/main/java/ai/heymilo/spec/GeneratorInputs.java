package ai.heymilo.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes openapi-generator's {@code skipIfSpecIsUnchanged} safe: the generator skips when the spec's hash is the one
 * it stored, but it does not look at the templates or at its own options. This step hashes every other input
 * (template folder, POM files) into a stamp and, when the stamp changes, deletes the generator's stored hash so
 * the next generation runs in full. An unchanged build then regenerates and recompiles nothing; a changed spec,
 * template or option always regenerates.
 *
 * <pre>{@code
 * java ai.heymilo.spec.GeneratorInputs target/generator-inputs.sha256 target/generated-sources/openapi \
 *     ../generator-templates pom.xml ../pom.xml
 * }</pre>
 */
public final class GeneratorInputs {
  /** Where openapi-generator keeps its input hashes, inside its output folder. */
  static final String GENERATOR_STATE = ".openapi-generator";

  private GeneratorInputs() {}

  /**
   * Runs with {@code args = {stampFile, generatorOutput, input...}}.
   *
   * @throws SpecMergeException if an input cannot be read or the stamp cannot be written
   * @throws IllegalArgumentException if fewer than three arguments are given
   */
  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("Expected <stampFile> <generatorOutput> <input>..., but got "
          + args.length + " arguments.");
    }
    List<Path> inputs = Stream.of(args).skip(2).map(Path::of).collect(Collectors.toList());
    if (refresh(Path.of(args[0]), Path.of(args[1]), inputs)) {
      System.out.println("Generator inputs changed (templates or options): the client is regenerated in full.");
    }
  }

  /**
   * Compares the inputs' hash with the stamp; on a difference (or no stamp) forgets the generator's stored hashes.
   *
   * @return whether the generator must run
   * @throws SpecMergeException if an input cannot be read or the stamp cannot be written
   */
  static boolean refresh(Path stamp, Path generatorOutput, List<Path> inputs) {
    String hash = hash(inputs);
    try {
      if (Files.exists(stamp) && Files.readString(stamp).strip().equals(hash)) {
        return false;
      }
      Path state = generatorOutput.resolve(GENERATOR_STATE);
      if (Files.isDirectory(state)) {
        try (DirectoryStream<Path> hashes = Files.newDirectoryStream(state, "*.sha256")) {
          for (Path stored : hashes) {
            Files.delete(stored);
          }
        }
      }
      Files.createDirectories(stamp.toAbsolutePath().getParent());
      Files.writeString(stamp, hash + "\n");
      return true;
    } catch (IOException e) {
      throw new SpecMergeException("Cannot refresh the generator stamp " + stamp + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 over every input file (folders walked in name order), each as its relative path and bytes. */
  static String hash(List<Path> inputs) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
    for (Path input : inputs) {
      for (Path file : files(input)) {
        try {
          digest.update(input.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(Files.readAllBytes(file));
          digest.update((byte) 0);
        } catch (IOException e) {
          throw new SpecMergeException("Cannot read generator input " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<Path> files(Path input) {
    if (!Files.exists(input)) {
      throw new SpecMergeException("Generator input " + input + " does not exist.");
    }
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    try (Stream<Path> walk = Files.walk(input)) {
      List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).collect(Collectors.toList()));
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new SpecMergeException("Cannot list generator inputs in " + input + ": " + e.getMessage(), e);
    }
  }
}
