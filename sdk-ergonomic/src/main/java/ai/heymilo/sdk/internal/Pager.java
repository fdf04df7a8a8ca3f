package ai.heymilo.sdk.internal;

import ai.heymilo.model.ListEnvelope;
import ai.heymilo.model.PaginationMeta;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.Page;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cursor paging for every list operation: the next page starts after the last item's id
 * ({@code starting_after}) while {@code pagination.has_more} is true.
 */
public final class Pager {
  private Pager() {}

  /**
   * Returns a lazy iterable over all items.
   *
   * @param fetch sends the list request for the given parameters
   * @param idOf the item's id, which is the next page's cursor
   */
  public static <T> PagedIterable<T> iterable(ListParams params, Function<ListParams, RawResponse<? extends ListEnvelope<T>>> fetch,
      Function<T, @Nullable String> idOf) {
    return new PagedIterable<>(cursor -> page(fetch.apply(params.withStartingAfter(cursor)), idOf, cursor), params.startingAfter());
  }

  /** The page size as the generated interfaces take it, or null for the server's default. */
  public static @Nullable Long limit(ListParams params) {
    Integer limit = params.limit();
    return limit == null ? null : Long.valueOf(limit);
  }

  /** Turns one list response into a {@link Page}, refusing one that could make paging loop forever. */
  public static <T> Page<T> page(RawResponse<? extends ListEnvelope<T>> raw, Function<T, @Nullable String> idOf, @Nullable String cursor) {
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
      nextCursor = idOf.apply(items.get(items.size() - 1));
      if (nextCursor == null || nextCursor.equals(cursor)) {
        throw new InvalidResponseException("The list response says has_more but its last item gives no new cursor ("
            + nextCursor + "); stopping instead of requesting the same page again", raw.statusCode(), "$.data", null);
      }
    }
    return new Page<>(items, hasMore, pagination == null ? null : pagination.getTotalCount(), nextCursor, raw);
  }
}
