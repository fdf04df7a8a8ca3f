/**
 * The HeyMilo Java SDK.
 *
 * <pre>{@code
 * HeyMiloClient client = HeyMiloClient.fromEnv();            // HEYMILO_API_KEY, HEYMILO_BASE_URL
 * InterviewDataResponse data = client.interviews().awaitData("iv_1", WaitOptions.defaults());
 * for (PostingResponse posting : client.postings().list()) {  // every page, fetched lazily
 *   System.out.println(posting.getTitle());
 * }
 * }</pre>
 *
 * <p>Create one {@link ai.heymilo.sdk.HeyMiloClient} and reuse it: it is immutable, thread-safe and
 * holds the connection pool. Resources ({@code client.postings()}, {@code client.interviews()}, …)
 * have a method per API operation; failures are unchecked exceptions from
 * {@link ai.heymilo.sdk.errors}.
 */
@NullMarked
package ai.heymilo.sdk;

import org.jspecify.annotations.NullMarked;
