/**
 * One resource per area of the HeyMilo API, reached from {@link ai.heymilo.sdk.HeyMiloClient}
 * ({@code client.postings()}, {@code client.interviews()}, …). Each method is one API operation;
 * its Javadoc names the route. {@code withRawResponse()} gives the same methods returning
 * {@link ai.heymilo.sdk.RawResponse} (status, headers, request id, rate limit, meta).
 */
@NullMarked
package ai.heymilo.sdk.resources;

import org.jspecify.annotations.NullMarked;
