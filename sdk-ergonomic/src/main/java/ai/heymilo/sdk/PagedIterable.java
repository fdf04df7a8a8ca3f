package ai.heymilo.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation, across all pages, fetched lazily: a page is requested only when
 * iteration reaches it, so breaking out early (or {@code stream().limit(n)}) fetches no more.
 *
 * <pre>{@code
 * for (CandidateResponse candidate : client.candidates().list(postingId)) { ... }
 * List<String> first100 = client.postings().list().stream().limit(100).map(PostingResponse::getTitle).collect(toList());
 * }</pre>
 *
 * <p>Each iteration starts from the first page again. Iterators are not thread-safe.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<@Nullable String, Page<T>> fetchPage;
  private final @Nullable String firstCursor;

  /**
   * Creates the iterable; the SDK's resources do this.
   *
   * @param fetchPage fetches the page after a cursor (null: the first page)
   * @param firstCursor the cursor the caller asked to start after, or null
   */
  public PagedIterable(Function<@Nullable String, Page<T>> fetchPage, @Nullable String firstCursor) {
    this.fetchPage = fetchPage;
    this.firstCursor = firstCursor;
  }

  /** Fetches and returns the first page only. */
  public Page<T> firstPage() {
    return fetchPage.apply(firstCursor);
  }

  /** Returns the pages, each fetched when the iteration reaches it. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<Page<T>>() {
      private @Nullable Page<T> last;
      private boolean started;
      private final CursorTrail trail = new CursorTrail(firstCursor);

      @Override
      public boolean hasNext() {
        return !started || (last != null && last.hasMore() && last.nextCursor() != null);
      }

      @Override
      public Page<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more pages");
        }
        last = fetchPage.apply(started ? trail.next(last) : firstCursor);
        started = true;
        return last;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<T>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more items");
        }
        return current.next();
      }
    };
  }

  /** Returns the items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
