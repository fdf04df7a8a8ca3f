package ai.heymilo.sdk.internal;

import ai.heymilo.model.ListEnvelope;
import ai.heymilo.model.PaginationMeta;
import ai.heymilo.sdk.AsyncPagedIterable;
import ai.heymilo.sdk.Page;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cursor paging for every paged list operation, blocking and asynchronous: the next page starts after the last
 * item's cursor property ({@code starting_after}) while {@code pagination.has_more} is true.
 */
final class Pager {
  private Pager() {}

  /**
   * Returns a lazy iterable over all items.
   *
   * @param firstCursor the cursor the caller asked to start after, or null
   * @param fetch sends the list request for a cursor (null: the first page)
   * @param cursorOf the item's cursor property, which the next page starts after
   */
  static <T> PagedIterable<T> iterable(@Nullable String firstCursor,
      Function<@Nullable String, RawResponse<? extends ListEnvelope<T>>> fetch, Function<T, @Nullable String> cursorOf) {
    return new PagedIterable<>(cursor -> page(fetch.apply(cursor), cursorOf, cursor), firstCursor);
  }

  /** {@link #iterable} without blocking: each page is a future. */
  static <T> AsyncPagedIterable<T> asyncIterable(@Nullable String firstCursor,
      Function<@Nullable String, CompletableFuture<? extends RawResponse<? extends ListEnvelope<T>>>> fetch,
      Function<T, @Nullable String> cursorOf) {
    return new AsyncPagedIterable<>(cursor -> Futures.map(fetch.apply(cursor), raw -> page(raw, cursorOf, cursor)), firstCursor);
  }

  /** Turns one list response into a {@link Page}, refusing one that could make paging loop forever. */
  static <T> Page<T> page(RawResponse<? extends ListEnvelope<T>> raw, Function<T, @Nullable String> cursorOf,
      @Nullable String cursor) {
    ListEnvelope<T> envelope = raw.data();
    List<T> items = envelope.getData() == null ? List.of() : envelope.getData();
    PaginationMeta pagination = envelope.getPagination();
    boolean hasMore = pagination != null && Boolean.TRUE.equals(pagination.getHasMore());
    String nextCursor = null;
    if (hasMore) {
      if (items.isEmpty()) {
        throw new InvalidResponseException("The list response says has_more but holds no items, so there is no cursor to continue from",
            raw.statusCode(), "$.data", null);
      }
      nextCursor = cursorOf.apply(items.get(items.size() - 1));
      if (nextCursor == null || nextCursor.equals(cursor)) {
        throw new InvalidResponseException("The list response says has_more but its last item gives no new cursor ("
            + nextCursor + "); stopping instead of requesting the same page again", raw.statusCode(), "$.data", null);
      }
    }
    return new Page<>(items, hasMore, pagination == null ? null : pagination.getTotalCount(), nextCursor, raw);
  }
}
