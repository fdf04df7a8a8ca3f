package ai.heymilo.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation across all pages, without blocking: pages are fetched one after another as the
 * previous one has been handled, and no thread waits for the network in between.
 *
 * <pre>{@code
 * client.async().postings().list()
 *     .forEach(posting -> System.out.println(posting.getTitle()))
 *     .thenRun(() -> System.out.println("done"));
 * CompletableFuture<Page<PostingResponse>> first = client.async().postings().list().firstPage();
 * }</pre>
 *
 * <p>Each call starts from the first page again. Cancelling a returned future stops the paging and cancels the
 * request in flight. The action runs on the thread that completed the page (an HTTP thread): keep it short, or hand
 * the work to your own executor.
 *
 * @param <T> the item type
 */
public final class AsyncPagedIterable<T> {
  private final Function<@Nullable String, CompletableFuture<Page<T>>> fetchPage;
  private final @Nullable String firstCursor;

  /**
   * Creates the iterable; the SDK's services do this, and tests may, to fake a service.
   *
   * @param fetchPage fetches the page after a cursor (null: the first page)
   * @param firstCursor the cursor the caller asked to start after, or null
   */
  public AsyncPagedIterable(Function<@Nullable String, CompletableFuture<Page<T>>> fetchPage, @Nullable String firstCursor) {
    this.fetchPage = Objects.requireNonNull(fetchPage, "fetchPage == null");
    this.firstCursor = firstCursor;
  }

  /** Fetches the first page only. */
  public CompletableFuture<Page<T>> firstPage() {
    return fetchPage.apply(firstCursor);
  }

  /**
   * Calls {@code action} with every page in order, fetching the next one after it returns. The future completes
   * after the last page, or fails with the first failure (of a fetch or of the action).
   */
  public CompletableFuture<Void> forEachPage(Consumer<? super Page<T>> action) {
    Objects.requireNonNull(action, "action == null");
    return walk(page -> {
      action.accept(page);
      return true;
    }, () -> null);
  }

  /** Calls {@code action} with every item in order; see {@link #forEachPage}. */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action == null");
    return forEachPage(page -> page.items().forEach(action));
  }

  /**
   * Collects the items into a list, stopping after {@code max} items (so that a huge list cannot exhaust memory by
   * accident); the remaining pages are not fetched.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public CompletableFuture<List<T>> toList(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be 0 or more, but was " + max);
    }
    List<T> items = new ArrayList<>();
    return walk(page -> {
      for (T item : page.items()) {
        if (items.size() == max) {
          break;
        }
        items.add(item);
      }
      return items.size() < max;
    }, () -> items);
  }

  /**
   * Fetches page after page while {@code keepGoing} accepts them, then completes with {@code result}. Cancelling
   * the returned future cancels the fetch in flight.
   */
  private <R> CompletableFuture<R> walk(Predicate<Page<T>> keepGoing, Supplier<R> result) {
    AtomicReference<@Nullable CompletableFuture<Page<T>>> inFlight = new AtomicReference<>();
    CompletableFuture<R> done = new CompletableFuture<R>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        CompletableFuture<Page<T>> current = inFlight.get();
        if (current != null) {
          current.cancel(mayInterruptIfRunning);
        }
        return super.cancel(mayInterruptIfRunning);
      }
    };
    fetch(firstCursor, new CursorTrail(firstCursor), keepGoing, inFlight, done, result);
    return done;
  }

  private <R> void fetch(@Nullable String cursor, CursorTrail trail, Predicate<Page<T>> keepGoing,
      AtomicReference<@Nullable CompletableFuture<Page<T>>> inFlight, CompletableFuture<R> done, Supplier<R> result) {
    if (done.isDone()) {
      return;
    }
    CompletableFuture<Page<T>> next;
    try {
      next = fetchPage.apply(cursor);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    inFlight.set(next);
    next.whenComplete((page, error) -> {
      try {
        if (error != null) {
          done.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        } else if (keepGoing.test(page) && page.hasMore() && page.nextCursor() != null) {
          fetch(trail.next(page), trail, keepGoing, inFlight, done, result);
        } else {
          done.complete(result.get());
        }
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
  }
}
