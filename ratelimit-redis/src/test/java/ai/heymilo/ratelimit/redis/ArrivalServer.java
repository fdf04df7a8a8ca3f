package ai.heymilo.ratelimit.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A loopback API that answers every request with a health report and notes when each one arrived. */
final class ArrivalServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  ArrivalServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"status\":\"ok\"}");
      }
    });
    server.start();
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  int requestCount() {
    return arrivals.size();
  }

  /** Arrival times in nanoseconds, sorted. */
  List<Long> arrivals() {
    List<Long> sorted = new ArrayList<>(arrivals);
    Collections.sort(sorted);
    return sorted;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
