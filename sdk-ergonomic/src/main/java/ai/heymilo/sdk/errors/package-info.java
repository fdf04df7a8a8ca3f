/**
 * The exceptions of the HeyMilo SDK — all unchecked, all under {@link ai.heymilo.sdk.errors.HeyMiloException}.
 *
 * <pre>
 * HeyMiloException
 * ├── ApiException                 the API answered with a non-2xx status
 * │   ├── BadRequestException          400
 * │   ├── AuthenticationException      401
 * │   ├── PermissionDeniedException    403
 * │   ├── NotFoundException            404
 * │   ├── ConflictException            409
 * │   ├── UnprocessableEntityException 422
 * │   ├── RateLimitException           429 (retryAfter())
 * │   ├── InternalServerException      5xx
 * │   └── UnexpectedStatusCodeException any other status
 * ├── ApiConnectionException       the request did not get a response (I/O)
 * │   ├── ApiTimeoutException          … because a timeout elapsed
 * │   └── ClientClosedException        … because the client was closed (never retried)
 * ├── InvalidResponseException     a 2xx response whose body cannot be decoded (names the JSON path)
 * ├── InvalidRequestException      refused before sending (blank id, metadata over limits, …)
 * ├── WaitTimeoutException         a wait ran out of time (last status, attempts, elapsed)
 * ├── InvalidWebhookException      a webhook delivery was refused (reason() and the httpStatus() to answer)
 * └── ConfigurationException       the client cannot be built as configured
 * </pre>
 */
@NullMarked
package ai.heymilo.sdk.errors;

import org.jspecify.annotations.NullMarked;
