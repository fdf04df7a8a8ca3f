package ai.heymilo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code java} code block of the README against the real artifacts, so a renamed
 * method or type breaks the build instead of the documentation. Free variables the snippets use
 * ({@code key}, {@code options}, {@code request}) are declared around them; {@code …} stands for
 * "your code".
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final String IMPORTS = "import ai.heymilo.model.*;\nimport ai.heymilo.ratelimit.redis.*;\nimport ai.heymilo.sandbox.*;\n"
      + "import ai.heymilo.sdk.*;\nimport ai.heymilo.sdk.errors.*;\nimport ai.heymilo.sdk.params.*;\nimport ai.heymilo.sdk.resources.*;\n"
      + "import ai.heymilo.sdk.webhooks.*;\nimport io.micrometer.observation.*;\nimport java.time.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n";

  static List<String> snippets() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("readme.path", "../README.md")));
    List<String> snippets = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      snippets.add(block.group(1));
    }
    return snippets;
  }

  @Test
  void everyJavaSnippetOfTheReadme_compiles() throws IOException {
    List<String> snippets = snippets();
    assertTrue(snippets.size() >= 2, "expected the README's Java snippets, found " + snippets.size());
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      String body = snippets.get(i).replace("…", "/* … */");
      String source = IMPORTS + "class Snippet" + i + " {\n"
          + "  void run(String key, WaitOptions options, CreatePostingRequest request) throws Exception {\n" + body + "\n  }\n}\n";
      sources.add(new Source("Snippet" + i, source));
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    Path out = Files.createTempDirectory("readme-snippets");
    boolean compiled = compiler.getTask(diagnostics, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"), null, sources).call();

    assertTrue(compiled, "README snippets do not compile:\n" + diagnostics);
    assertEquals("", diagnostics.toString().trim());
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
