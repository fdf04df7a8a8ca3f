package ai.heymilo.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list operation: its items, whether more follow, and the cursor to fetch them.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final boolean hasMore;
  private final @Nullable Long totalCount;
  private final @Nullable String nextCursor;
  private final RawResponse<?> raw;

  /** Creates a page; the SDK's pager does this. */
  public Page(List<T> items, boolean hasMore, @Nullable Long totalCount, @Nullable String nextCursor, RawResponse<?> raw) {
    this.items = List.copyOf(items);
    this.hasMore = hasMore;
    this.totalCount = totalCount;
    this.nextCursor = nextCursor;
    this.raw = raw;
  }

  /** Returns the items of this page (possibly empty, never null). */
  public List<T> items() {
    return items;
  }

  /** Returns true if the server has more items after this page. */
  public boolean hasMore() {
    return hasMore;
  }

  /** Returns the total number of items across all pages, if the server said. */
  public @Nullable Long totalCount() {
    return totalCount;
  }

  /** Returns the cursor for the next page (the id of this page's last item), or null on the last page. */
  public @Nullable String nextCursor() {
    return nextCursor;
  }

  /** Returns the response this page came from: status, headers, request id and the decoded envelope. */
  public RawResponse<?> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasMore=" + hasMore + ", totalCount=" + totalCount + ", nextCursor=" + nextCursor + "}";
  }
}
