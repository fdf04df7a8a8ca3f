package ai.heymilo.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads the OpenAPI source documents and checks each one on its own before anything is merged.
 *
 * <p>A source must be valid JSON, a JSON object, and every {@code $ref} in it must resolve inside it.
 *
 * <pre>{@code
 * List<SpecSource> sources = SpecLoader.loadDirectory(Path.of("spec/sources"));
 * }</pre>
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Loads every {@code *.json} file directly in {@code directory}, in file name order (so the first source, whose
   * choices win ties, is the same on every machine).
   *
   * @throws SpecMergeException if the directory cannot be read, holds no {@code *.json} file, or any file fails
   *     {@link #parse}
   */
  public static List<SpecSource> loadDirectory(Path directory) {
    List<Path> files = jsonFiles(directory);
    if (files.isEmpty()) {
      throw new SpecMergeException("No *.json sources in " + directory + "; put the OpenAPI documents there.");
    }
    List<SpecSource> sources = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      sources.add(parse(name, read(file, name)));
    }
    return List.copyOf(sources);
  }

  /**
   * Parses one source document and checks its references.
   *
   * @param name the name errors and the merge report use for this source, usually its file name
   * @throws SpecMergeException if {@code json} is not a JSON object (naming the line and column of a syntax error),
   *     or a {@code $ref} is external or does not resolve (naming the pointer of the {@code $ref} and its target)
   */
  public static SpecSource parse(String name, String json) {
    SpecSource source = new SpecSource(name, SpecJson.parseDocument(name, json));
    ReferenceChecker.check(name, source.document());
    return source;
  }

  private static List<Path> jsonFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new SpecMergeException("The spec sources folder " + directory + " does not exist or is not a folder.");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new SpecMergeException("Cannot list the spec sources in " + directory + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(file -> file.getFileName().toString()));
    return files;
  }

  private static String read(Path file, String name) {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new SpecMergeException(name + " is not valid UTF-8; OpenAPI JSON documents must be UTF-8.", e);
    } catch (IOException e) {
      throw new SpecMergeException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
