/**
 * The HeyMilo API's OpenAPI document read as its operations, and requests checked against it.
 *
 * <pre>{@code
 * SpecOperations spec = SpecOperations.load();                       // the merged spec on the class path
 * OperationMatch match = spec.match("POST", "/api/v2/postings").orElseThrow();
 * List<Violation> problems = new RequestValidator(spec).validate(match, "", headers, body);
 * // [body.title: Field required (missing)]
 * }</pre>
 *
 * <p>{@link ai.heymilo.spec.operations.SpecOperations} lists the operations (method, path, operation id, tag,
 * parameters, documented statuses, request and response schemas); {@link ai.heymilo.spec.operations.SchemaValidator}
 * validates JSON against any schema of the document (networknt json-schema-validator, OpenAPI 3.1 dialect);
 * {@link ai.heymilo.spec.operations.RequestValidator} checks a request's path, query, headers and body and reports
 * each problem as the API's own 422 entry ({@code loc}, {@code msg}, {@code type}).
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package ai.heymilo.spec.operations;

import org.jspecify.annotations.NullMarked;
