package ai.heymilo.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks that every {@code $ref} of a document points at something inside that same document.
 *
 * <p>It walks the document through {@link NodeKind}, so literal data (an example value that happens to contain a
 * {@code "$ref"} key) is not mistaken for a reference. Only local references ({@code #/...}) are supported: the
 * sources are bundled documents, and an external reference would make the merged spec depend on files the build
 * does not carry.
 */
final class ReferenceChecker {
  private final String documentName;
  private final JsonNode document;

  private ReferenceChecker(String documentName, JsonNode document) {
    this.documentName = documentName;
    this.document = document;
  }

  /**
   * Checks every reference in {@code document}.
   *
   * @throws SpecMergeException naming {@code documentName}, the JSON pointer of the offending {@code $ref} and its
   *     target
   */
  static void check(String documentName, JsonNode document) {
    new ReferenceChecker(documentName, document).walk(NodeKind.DOCUMENT, document, JsonPointer.empty());
  }

  private void walk(NodeKind kind, JsonNode node, JsonPointer at) {
    if (kind == NodeKind.DATA) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(kind, node.get(i), at.appendIndex(i));
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      JsonPointer valueAt = at.appendProperty(key);
      if (key.equals("$ref") && value.isTextual()) {
        resolve(value.textValue(), valueAt);
        continue;
      }
      NodeKind.Member member = kind.member(key);
      if (member.namedMap()) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          walk(member.kind(), entry.getValue(), valueAt.appendProperty(entry.getKey()));
        }
      } else {
        walk(member.kind(), value, valueAt);
      }
    }
  }

  private void resolve(String ref, JsonPointer refAt) {
    if (!ref.startsWith("#")) {
      throw new SpecMergeException(String.format(
          "%s: $ref at %s points to %s, an external reference; only local references (#/...) are supported.",
          documentName, refAt, ref));
    }
    JsonNode target;
    try {
      target = document.at(JsonPointer.compile(percentDecode(ref.substring(1))));
    } catch (IllegalArgumentException e) {
      throw new SpecMergeException(String.format(
          "%s: $ref at %s points to %s, which is not a JSON pointer (%s).", documentName, refAt, ref, e.getMessage()));
    }
    if (target.isMissingNode()) {
      throw new SpecMergeException(String.format(
          "%s: $ref at %s points to %s, which does not exist in this document.", documentName, refAt, ref));
    }
  }

  /** URI fragments may percent-encode characters (RFC 6901 section 6); the pointer itself does not. */
  private static String percentDecode(String fragment) {
    // URLDecoder decodes form encoding, where '+' means a space; in a fragment it is a literal '+'.
    return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
