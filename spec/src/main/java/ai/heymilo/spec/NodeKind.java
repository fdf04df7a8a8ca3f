package ai.heymilo.spec;

import java.util.List;
import java.util.Set;

/**
 * What a JSON node is inside an OpenAPI 3.1 document, and therefore what each of its members holds.
 *
 * <p>The merger and the reference checker walk documents through this one table, so they agree on where schemas
 * sit. Keys of a named map (schema {@code properties}, {@code paths}, {@code responses}, ...) are names, never
 * keywords: a property literally called {@code properties} or {@code description} is just another schema. A member
 * whose value is an array (for example {@code anyOf} or {@code parameters}) holds one node of the member's kind per
 * element.
 */
enum NodeKind {
  DOCUMENT,
  INFO,
  SERVER,
  TAG,
  COMPONENTS,
  SECURITY_SCHEME,
  PATH_ITEM,
  /** A callback: a map from runtime expressions to path items. */
  CALLBACK,
  OPERATION,
  PARAMETER,
  HEADER,
  REQUEST_BODY,
  RESPONSE,
  MEDIA_TYPE,
  ENCODING,
  EXAMPLE,
  LINK,
  /** A JSON Schema (2020-12, as used by OpenAPI 3.1): an object or a boolean. */
  SCHEMA,
  /** Literal values (examples, {@code enum}, {@code const}, {@code default}, security requirements): no references. */
  DATA,
  /** Anything not modelled (extensions, {@code discriminator}, ...): compared as a whole, searched for references. */
  OTHER;

  /** The operation keys of a path item, in the order the OpenAPI specification lists them. */
  static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Schema keywords that only document; {@code summary} is not JSON Schema but some generators emit it. */
  private static final Set<String> SCHEMA_ANNOTATIONS =
      Set.of("description", "title", "examples", "example", "summary");

  /** What one member holds: nodes of {@code kind}, or with {@code namedMap} an object mapping names to them. */
  record Member(NodeKind kind, boolean namedMap) {}

  /** Returns what the member {@code key} of a node of this kind holds. */
  Member member(String key) {
    return switch (this) {
      case DOCUMENT -> switch (key) {
        case "info" -> one(INFO);
        case "servers" -> one(SERVER);
        case "tags" -> one(TAG);
        case "paths", "webhooks" -> map(PATH_ITEM);
        case "components" -> one(COMPONENTS);
        case "security" -> one(DATA);
        default -> one(OTHER);
      };
      case COMPONENTS -> switch (key) {
        case "schemas" -> map(SCHEMA);
        case "responses" -> map(RESPONSE);
        case "parameters" -> map(PARAMETER);
        case "examples" -> map(EXAMPLE);
        case "requestBodies" -> map(REQUEST_BODY);
        case "headers" -> map(HEADER);
        case "securitySchemes" -> map(SECURITY_SCHEME);
        case "links" -> map(LINK);
        case "callbacks" -> map(CALLBACK);
        case "pathItems" -> map(PATH_ITEM);
        default -> one(OTHER);
      };
      case PATH_ITEM -> switch (key) {
        case "parameters" -> one(PARAMETER);
        case "servers" -> one(SERVER);
        default -> HTTP_METHODS.contains(key) ? one(OPERATION) : one(OTHER);
      };
      case CALLBACK -> one(PATH_ITEM);
      case OPERATION -> switch (key) {
        case "parameters" -> one(PARAMETER);
        case "requestBody" -> one(REQUEST_BODY);
        case "responses" -> map(RESPONSE);
        case "callbacks" -> map(CALLBACK);
        case "servers" -> one(SERVER);
        case "tags", "security" -> one(DATA);
        default -> one(OTHER);
      };
      case PARAMETER, HEADER -> switch (key) {
        case "schema" -> one(SCHEMA);
        case "content" -> map(MEDIA_TYPE);
        case "examples" -> map(EXAMPLE);
        case "example" -> one(DATA);
        default -> one(OTHER);
      };
      case REQUEST_BODY -> key.equals("content") ? map(MEDIA_TYPE) : one(OTHER);
      case RESPONSE -> switch (key) {
        case "headers" -> map(HEADER);
        case "content" -> map(MEDIA_TYPE);
        case "links" -> map(LINK);
        default -> one(OTHER);
      };
      case MEDIA_TYPE -> switch (key) {
        case "schema" -> one(SCHEMA);
        case "examples" -> map(EXAMPLE);
        case "example" -> one(DATA);
        case "encoding" -> map(ENCODING);
        default -> one(OTHER);
      };
      case ENCODING -> key.equals("headers") ? map(HEADER) : one(OTHER);
      case EXAMPLE -> key.equals("value") ? one(DATA) : one(OTHER);
      case LINK -> key.equals("parameters") || key.equals("requestBody") ? one(DATA) : one(OTHER);
      case SCHEMA -> schemaMember(key);
      case DATA -> one(DATA);
      case INFO, SERVER, TAG, SECURITY_SCHEME, OTHER -> one(OTHER);
    };
  }

  /**
   * Whether the member {@code key} is documentation only, so two sources may disagree on it and the merger keeps
   * the richer value. In {@code info}, {@code title} is not an annotation: it names the API.
   */
  boolean isAnnotation(String key) {
    return switch (this) {
      case SCHEMA -> SCHEMA_ANNOTATIONS.contains(key);
      case INFO, PATH_ITEM, OPERATION, EXAMPLE -> key.equals("summary") || key.equals("description");
      case PARAMETER, HEADER -> key.equals("description") || key.equals("example") || key.equals("examples");
      case MEDIA_TYPE -> key.equals("example") || key.equals("examples");
      case SERVER, TAG, SECURITY_SCHEME, REQUEST_BODY, RESPONSE, LINK -> key.equals("description");
      case DOCUMENT, COMPONENTS, CALLBACK, ENCODING, DATA, OTHER -> false;
    };
  }

  private static Member schemaMember(String key) {
    return switch (key) {
      case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" -> map(SCHEMA);
      case "items", "prefixItems", "additionalItems", "contains", "additionalProperties", "propertyNames",
          "unevaluatedItems", "unevaluatedProperties", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
          "contentSchema" -> one(SCHEMA);
      case "enum", "const", "default", "examples", "example" -> one(DATA);
      default -> one(OTHER);
    };
  }

  private static Member one(NodeKind kind) {
    return new Member(kind, false);
  }

  private static Member map(NodeKind kind) {
    return new Member(kind, true);
  }
}
