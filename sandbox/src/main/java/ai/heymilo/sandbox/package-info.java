/**
 * The HeyMilo API on localhost, for tests, demos and offline development: stateful and validating by default,
 * replaying its recordings on request.
 *
 * <pre>{@code
 * try (HeyMiloSandbox sandbox = HeyMiloSandbox.start();
 *      HeyMiloClient client = sandbox.client()) {
 *   PostingResponse posting = client.postings().get(SandboxData.POSTING_ID);
 * }
 * }</pre>
 *
 * <p>{@link ai.heymilo.sandbox.HeyMiloSandbox} keeps what you create, validates every request against the spec
 * and serves WireMock recordings of every operation and documented status of the API;
 * {@link ai.heymilo.sandbox.SandboxFault} injects delays, resets and 429s per operation;
 * {@link ai.heymilo.sandbox.SandboxData} names the fixtures' ids;
 * {@link ai.heymilo.sandbox.HeyMiloSandboxExtension} runs one per JUnit 5 test class; and
 * {@link ai.heymilo.sandbox.Recorder} records new ones from a real API without keeping secrets.
 */
@NullMarked
package ai.heymilo.sandbox;

import org.jspecify.annotations.NullMarked;
