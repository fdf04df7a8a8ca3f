package ai.heymilo.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads OpenAPI documents faithfully and writes them byte-for-byte reproducibly.
 *
 * <p>Reading keeps numbers exactly as written ({@code 1739715600.0} must not come back as {@code 1.7397156E9})
 * and rejects duplicate keys and trailing content instead of silently dropping data. Writing uses two-space
 * indentation, {@code "key": value}, one array element per line, {@code []}/{@code {}} for empty containers,
 * {@code \n} line ends and a trailing newline, whatever the platform.
 */
final class SpecJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private SpecJson() {}

  /**
   * Parses {@code text} as an OpenAPI document.
   *
   * @throws SpecMergeException naming {@code sourceName} and the line and column, if the text is not valid JSON or
   *     not a JSON object
   */
  static ObjectNode parseDocument(String sourceName, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null
          ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      // The message says all there is to say; the parser's stack trace would only add noise to the build log.
      throw new SpecMergeException(sourceName + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      String found = node == null || node.isMissingNode() ? "nothing" : node.getNodeType().toString().toLowerCase();
      throw new SpecMergeException(
          sourceName + " is not an OpenAPI document: expected a JSON object at the top level but found " + found + ".");
    }
    return (ObjectNode) node;
  }

  /** Writes {@code node} in the canonical layout, ending with a newline. */
  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // A tree we built ourselves always serializes; reaching here is a bug, not a bad source.
      throw new IllegalStateException("Cannot serialize the spec", e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
