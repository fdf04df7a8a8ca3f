package ai.heymilo.sandbox;

/**
 * How a sandbox answers successful requests.
 *
 * <pre>{@code
 * HeyMiloSandbox stateful = HeyMiloSandbox.start();                                          // STATEFUL
 * HeyMiloSandbox replay = HeyMiloSandbox.builder().mode(SandboxMode.REPLAY).start();
 * }</pre>
 */
public enum SandboxMode {
  /**
   * Like the API: what you create, update, reorder or delete is what later reads and lists return, starting from the
   * recorded fixtures; lists filter and page over the stored objects; unknown ids answer 404. The default.
   */
  STATEFUL,
  /**
   * Stateless replay of the recordings: every request answers the recorded body of its operation and status,
   * whatever it sent (requests are still validated unless {@link HeyMiloSandbox.Builder#validateRequests(boolean)}
   * turns it off). For recordings of your own and for tests that compare exact recorded bodies.
   */
  REPLAY
}
