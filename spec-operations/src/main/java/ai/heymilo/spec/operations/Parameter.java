package ai.heymilo.spec.operations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One declared parameter of an operation (references resolved): where it goes, whether it is required, and its schema.
 *
 * <pre>{@code
 * Parameter limit = spec.operation("listPostings").orElseThrow().parameter("query", "limit").orElseThrow();
 * limit.schemaPointer();   // "/paths/~1api~1v2~1postings/get/parameters/0/schema"
 * }</pre>
 */
public final class Parameter {
  private final String name;
  private final String in;
  private final boolean required;
  private final JsonNode schema;
  private final String schemaPointer;

  Parameter(String name, String in, boolean required, JsonNode schema, String schemaPointer) {
    this.name = name;
    this.in = in;
    this.required = required;
    this.schema = schema;
    this.schemaPointer = schemaPointer;
  }

  /** The name as declared, such as {@code posting_id} or {@code X-Workspace-Id}. */
  public String name() {
    return name;
  }

  /** {@code path}, {@code query}, {@code header} or {@code cookie}. */
  public String in() {
    return in;
  }

  /** Whether the request must carry it (path parameters always must). */
  public boolean required() {
    return required;
  }

  /** The parameter's schema as written (it may itself be a {@code $ref}). */
  public JsonNode schema() {
    return schema;
  }

  /** The JSON pointer of the schema in the document, for {@link SchemaValidator#validate}. */
  public String schemaPointer() {
    return schemaPointer;
  }

  @Override
  public String toString() {
    return in + " parameter '" + name + "'" + (required ? " (required)" : "");
  }
}
