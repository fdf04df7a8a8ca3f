package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.heymilo.sdk.errors.NotFoundException;
import brave.Span;
import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spans through Micrometer's tracing bridge (Brave here): what a traced application sees of the client. */
class TracingTest {
  private final TestServer test = new TestServer();
  private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
  private final ThreadLocalCurrentTraceContext currentTraceContext = ThreadLocalCurrentTraceContext.newBuilder().build();
  private final Tracing tracing = Tracing.newBuilder()
      .currentTraceContext(currentTraceContext)
      .addSpanHandler(new SpanHandler() {
        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
          spans.add(span);
          return true;
        }
      })
      .build();
  private final ObservationRegistry registry = ObservationRegistry.create();

  TracingTest() {
    BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(currentTraceContext),
        new BraveBaggageManager());
    registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
        new DefaultTracingObservationHandler(tracer)));
  }

  @AfterEach
  void close() throws Exception {
    tracing.close();
    test.close();
  }

  private HeyMiloClient client() {
    return test.clientBuilder().observationRegistry(registry).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void awaitData_oneWaitSpanWithAClientSpanPerPoll_andEachRequestCarriesItsSpan(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      WaitOptions options = WaitOptions.builder().jitter(0).build();

      mode.call(() -> client.interviews().awaitData("iv_1", options), () -> client.interviews().awaitDataAsync("iv_1", options));

      MutableSpan wait = only("await getinterviewdata");
      List<MutableSpan> polls = named("getinterviewdata");
      assertEquals(2, polls.size());
      for (int i = 0; i < polls.size(); i++) {
        MutableSpan poll = polls.get(i);
        assertEquals(Span.Kind.CLIENT, poll.kind());
        assertEquals("heymilo", poll.remoteServiceName());
        assertEquals(wait.traceId(), poll.traceId());
        assertEquals(wait.id(), poll.parentId(), "each poll is a child of the wait");
        RecordedRequest request = test.takeRequest();
        assertEquals(poll.traceId(), request.getHeader("X-B3-TraceId"));
        assertEquals(poll.id(), request.getHeader("X-B3-SpanId"), "the request carries its own call's span");
      }
      assertNotEquals(polls.get(0).id(), polls.get(1).id(), "one span per poll");
      assertNull(wait.parentId());
      assertEquals("completed", wait.tag("heymilo.status"));
    }
  }

  @Test
  void call_insideTheApplicationsSpan_isItsChild() {
    try (HeyMiloClient client = client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      brave.Span handling = tracing.tracer().nextSpan().name("handle request").start();

      try (brave.Tracer.SpanInScope scope = tracing.tracer().withSpanInScope(handling)) {
        client.interviews().getData("iv_1");
      } finally {
        handling.finish();
      }

      MutableSpan call = only("getinterviewdata");
      assertEquals(handling.context().traceIdString(), call.traceId());
      assertEquals(handling.context().spanIdString(), call.parentId());
      assertEquals(handling.context().traceIdString(), test.takeRequest().getHeader("X-B3-TraceId"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void call_failed_spanRecordsTheError(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(404, "{\"error\": {\"type\": \"not_found\", \"message\": \"No interview iv_404\"}}");

      assertThrows(NotFoundException.class,
          () -> mode.call(() -> client.interviews().getData("iv_404"), () -> client.async().interviews().getData("iv_404")));

      MutableSpan call = only("getinterviewdata");
      assertNotNull(call.error());
      assertEquals("CLIENT_ERROR", call.tag("outcome"));
      assertEquals("4xx", call.tag("http.response.status_class"));
    }
  }

  private List<MutableSpan> named(String name) {
    // Tracers normalise names differently ("await get-interview-data"); compare the words only.
    return spans.stream().filter(span -> name.equals(String.valueOf(span.name()).toLowerCase(Locale.ROOT).replace("-", "")))
        .collect(Collectors.toList());
  }

  private MutableSpan only(String name) {
    List<MutableSpan> matching = named(name);
    assertEquals(1, matching.size(), "spans named " + name + " among " + spans);
    return matching.get(0);
  }
}
