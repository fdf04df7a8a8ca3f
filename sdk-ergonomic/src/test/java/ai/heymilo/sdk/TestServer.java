package ai.heymilo.sdk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer and a client pointed at it with fake time, so retries and waits never sleep. */
public final class TestServer implements AutoCloseable {
  public static final String API_KEY = "hm_test_4f9c2a7e1b";

  public final MockWebServer server = new MockWebServer();
  public final RecordingSleeper sleeper = new RecordingSleeper();
  public final InstantScheduler scheduler = new InstantScheduler();
  public final List<String> logLines = new ArrayList<>();

  public TestServer() {
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A builder with the key, this server's URL, fake time and jitter fixed at 0. */
  public HeyMiloClient.Builder clientBuilder() {
    return HeyMiloClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .sleeper(sleeper)
        .clock(sleeper.clock())
        .scheduler(scheduler)
        .random(() -> 0.0)
        .logSink(line -> {
          synchronized (logLines) {
            logLines.add(line);
          }
        });
  }

  public HeyMiloClient client() {
    return clientBuilder().build();
  }

  public void enqueue(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(json));
  }

  public void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received (waits up to 5 s; fails if none). */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** A minimal interview-data envelope. */
  public static String interviewData(String id, String status) {
    return "{\"data\": {\"object\": \"interview_data\", \"interview_id\": \"" + id + "\", \"posting_id\": \"13D77095\","
        + " \"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\", \"status\": \"" + status + "\", \"score\": 78.5}, \"meta\": {}}";
  }
}
