package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.heymilo.api.InterviewersApi;
import ai.heymilo.api.InterviewsApi;
import ai.heymilo.model.ListResponsePostingResponse;
import ai.heymilo.model.PaginationMeta;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.SingleResponseInterviewDataResponse;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RecordingSleeper;
import ai.heymilo.sdk.errors.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;

/** The transport, pager and error mapping over mocked generated interfaces: no HTTP at all. */
class TransportMockitoTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Transport transport = new Transport(new RetryPolicy(2, Duration.ofSeconds(60), () -> 0.0, sleeper.clock()), null,
      sleeper.clock(), sleeper, new ai.heymilo.sdk.InstantScheduler());

  @SuppressWarnings("unchecked")
  private static <T> Call<T> call(String path, Response<T> response) throws IOException {
    Call<T> call = mock(Call.class);
    when(call.request()).thenReturn(new Request.Builder().url("https://api.heymilo.ai" + path).build());
    when(call.execute()).thenReturn(response);
    when(call.clone()).thenReturn(call);
    return call;
  }

  private static ListResponsePostingResponse page(boolean hasMore, String... ids) {
    ListResponsePostingResponse page = new ListResponsePostingResponse().pagination(new PaginationMeta().hasMore(hasMore));
    for (String id : ids) {
      page.addPosting(new PostingResponse().id(id));
    }
    return page;
  }

  @Test
  void pager_requestsTheNextPageAfterTheLastIdOnlyWhenNeeded() throws IOException {
    InterviewersApi api = mock(InterviewersApi.class);
    Call<ListResponsePostingResponse> first = call("/api/v2/postings", Response.success(page(true, "P1", "P2")));
    Call<ListResponsePostingResponse> second = call("/api/v2/postings", Response.success(page(false, "P3")));
    when(api.listPostings(50L, null, null)).thenReturn(first);
    when(api.listPostings(50L, "P2", null)).thenReturn(second);

    PagedIterable<PostingResponse> all = Pager.iterable(ListParams.builder().limit(50).build(),
        params -> transport.execute(api.listPostings(Pager.limit(params), params.startingAfter(), params.search()), true),
        PostingResponse::getId);
    Iterator<PostingResponse> items = all.iterator();

    assertEquals("P1", items.next().getId());
    assertEquals("P2", items.next().getId());
    verify(api, never()).listPostings(50L, "P2", null);
    assertEquals("P3", items.next().getId());
    verify(api, times(1)).listPostings(50L, "P2", null);
  }

  @Test
  void errorMapping_turnsAnErrorResponseIntoTheTypedException() throws IOException {
    InterviewsApi api = mock(InterviewsApi.class);
    ResponseBody body = ResponseBody.create("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"not_found\", \"message\": \"gone\"}}",
        MediaType.get("application/json"));
    Call<SingleResponseInterviewDataResponse> call = call("/api/v2/interviews/iv_1/data", Response.error(404, body));
    when(api.getInterviewData("iv_1")).thenReturn(call);

    NotFoundException error = assertThrows(NotFoundException.class, () -> transport.execute(api.getInterviewData("iv_1"), true));

    assertEquals("not_found", error.code());
    assertEquals(List.of(), sleeper.sleeps(), "a 404 is not retried");
    verify(call, times(1)).execute();
  }
}
