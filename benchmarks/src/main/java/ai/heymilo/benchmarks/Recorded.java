package ai.heymilo.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sandbox's recorded {@code getInterviewData} responses, read from the sandbox jar on the class path. */
final class Recorded {
  private static final String FILES = "/ai/heymilo/sandbox/recordings/__files/";

  /** The recorded 200 body of {@code GET /api/v2/interviews/{id}/data} (about 15 KB, pretty-printed). */
  static final byte[] INTERVIEW_DATA_200 = read("getInterviewData-200.json");
  /** The recorded 429 body ({@code rate_limit_exceeded}). */
  static final byte[] INTERVIEW_DATA_429 = read("getInterviewData-429.json");

  private Recorded() {}

  /** The recorded 200 with its recorded headers, as a complete HTTP response. */
  static byte[] interviewData200Response() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Request-Id", "req_ecabe70c41de91ef92f83564");
    headers.put("X-RateLimit-Limit", "300");
    headers.put("X-RateLimit-Remaining", "299");
    return LoopbackServer.response(200, "OK", headers, INTERVIEW_DATA_200);
  }

  private static byte[] read(String name) {
    try (InputStream in = Objects.requireNonNull(Recorded.class.getResourceAsStream(FILES + name),
        () -> "recording " + name + " not on the class path; is heymilo-sandbox a dependency?")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
