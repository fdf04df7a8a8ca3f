package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.PostingResponse;
import ai.heymilo.sdk.params.ListPostingsParams;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auto-paging follows the cursor lazily and refuses responses that would loop. */
class PagingTest {
  private final TestServer test = new TestServer();
  private final HeyMiloClient client = test.client();

  @AfterEach
  void close() throws Exception {
    client.close();
    test.close();
  }

  private void page(boolean hasMore, String... ids) {
    String items = java.util.Arrays.stream(ids).map(id -> "{\"id\": \"" + id + "\", \"title\": \"T-" + id + "\"}")
        .collect(Collectors.joining(", "));
    test.enqueue(200, "{\"data\": [" + items + "], \"pagination\": {\"has_more\": " + hasMore + ", \"total_count\": 5}}");
  }

  @Test
  void iteration_fetchesEachPageOnlyWhenReached() {
    page(true, "P1", "P2");
    page(false, "P3");

    Iterator<PostingResponse> postings = client.postings().list(ListPostingsParams.builder().limit(2).search("eng").build()).iterator();

    assertEquals(0, test.server.getRequestCount(), "nothing is fetched before iteration starts");
    assertEquals("P1", postings.next().getId());
    assertEquals("P2", postings.next().getId());
    assertEquals(1, test.server.getRequestCount());
    assertEquals("P3", postings.next().getId());
    assertEquals(false, postings.hasNext());
    assertEquals("/api/v2/postings?limit=2&search=eng", test.takeRequest().getPath());
    assertEquals("/api/v2/postings?limit=2&starting_after=P2&search=eng", test.takeRequest().getPath());
  }

  @Test
  void streamLimit_stopsFetching() {
    page(true, "P1", "P2");
    page(true, "P3", "P4");

    List<String> ids = client.postings().list().stream().limit(2).map(PostingResponse::getId).collect(Collectors.toList());

    assertEquals(List.of("P1", "P2"), ids);
    assertEquals(1, test.server.getRequestCount());
  }

  @Test
  void firstPage_exposesPagingInformation() {
    page(true, "P1", "P2");

    Page<PostingResponse> first = client.postings().list().firstPage();

    assertEquals(2, first.items().size());
    assertTrue(first.hasMore());
    assertEquals("P2", first.nextCursor());
    assertEquals(Long.valueOf(5), first.totalCount());
    assertEquals(200, first.raw().statusCode());
  }

  @Test
  void startingAfter_isTheFirstCursor() {
    page(false, "P9");

    client.postings().list(ListPostingsParams.builder().startingAfter("P8").build()).forEach(posting -> { });

    assertEquals("/api/v2/postings?starting_after=P8", test.takeRequest().getPath());
  }

  @Test
  void hasMoreWithAnEmptyPage_failsInsteadOfLooping() {
    page(true);

    InvalidResponseException error = assertThrows(InvalidResponseException.class, () -> client.postings().list().iterator().hasNext());

    assertEquals("$.data", error.jsonPath());
  }

  @Test
  void hasMoreWithTheSameCursor_failsInsteadOfLooping() {
    page(true, "P1");
    page(true, "P1");

    Iterator<PostingResponse> postings = client.postings().list().iterator();
    postings.next();

    assertThrows(InvalidResponseException.class, postings::hasNext);
  }

  @Test
  void additionalQueryParam_isSentAfterTheDeclaredOnesOnEveryPage() {
    page(true, "P1");
    page(false, "P2");

    client.postings().list(ListPostingsParams.builder().limit(1).additionalQueryParam("sort", "title").build())
        .forEach(posting -> { });

    assertEquals("/api/v2/postings?limit=1&sort=title", test.takeRequest().getPath());
    assertEquals("/api/v2/postings?limit=1&starting_after=P1&sort=title", test.takeRequest().getPath());
  }

  @Test
  void limitOutOfRange_isRefusedByTheParamsBuilder() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ListPostingsParams.builder().limit(0));

    assertEquals("limit must be between 1 and 100, but was 0", error.getMessage());
  }

  @Test
  void asyncForEach_walksEveryPageWithoutBlocking() throws Exception {
    page(true, "P1", "P2");
    page(false, "P3");
    List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();

    client.async().postings().list(ListPostingsParams.builder().limit(2).build()).forEach(posting -> ids.add(posting.getId()))
        .get(5, java.util.concurrent.TimeUnit.SECONDS);

    assertEquals(List.of("P1", "P2", "P3"), ids);
    assertEquals("/api/v2/postings?limit=2", test.takeRequest().getPath());
    assertEquals("/api/v2/postings?limit=2&starting_after=P2", test.takeRequest().getPath());
  }

  @Test
  void asyncToList_stopsFetchingOnceItHasEnough() throws Exception {
    page(true, "P1", "P2");
    page(false, "P3");

    List<PostingResponse> first = client.async().postings().list().toList(2).get(5, java.util.concurrent.TimeUnit.SECONDS);

    assertEquals(2, first.size());
    assertEquals(1, test.server.getRequestCount());
  }
}
