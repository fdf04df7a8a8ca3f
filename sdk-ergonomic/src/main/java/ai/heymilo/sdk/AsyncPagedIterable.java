package ai.heymilo.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
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
    PageWalk walk = new PageWalk(action);
    walk.fetch(firstCursor);
    return walk.result;
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
    StopAfter stop = new StopAfter(max, items);
    PageWalk walk = new PageWalk(stop);
    walk.stopWhen = stop::full;
    walk.fetch(firstCursor);
    return walk.result.thenApply(ignored -> items);
  }

  /** Collects up to {@code max} items. */
  private final class StopAfter implements Consumer<Page<T>> {
    private final int max;
    private final List<T> items;

    StopAfter(int max, List<T> items) {
      this.max = max;
      this.items = items;
    }

    @Override
    public void accept(Page<T> page) {
      for (T item : page.items()) {
        if (items.size() >= max) {
          return;
        }
        items.add(item);
      }
    }

    boolean full() {
      return items.size() >= max;
    }
  }

  /** One walk over the pages; cancelling its result cancels the fetch in flight. */
  private final class PageWalk {
    private final Consumer<? super Page<T>> action;
    private volatile @Nullable CompletableFuture<Page<T>> inFlight;
    java.util.function.BooleanSupplier stopWhen = () -> false;
    final CompletableFuture<Void> result = new CompletableFuture<Void>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        CompletableFuture<Page<T>> current = inFlight;
        if (current != null) {
          current.cancel(mayInterruptIfRunning);
        }
        return cancelled;
      }
    };

    PageWalk(Consumer<? super Page<T>> action) {
      this.action = action;
    }

    void fetch(@Nullable String cursor) {
      if (result.isDone()) {
        return;
      }
      if (stopWhen.getAsBoolean()) {
        result.complete(null);
        return;
      }
      CompletableFuture<Page<T>> page;
      try {
        page = fetchPage.apply(cursor);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      inFlight = page;
      page.whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
              ? error.getCause() : error);
          return;
        }
        try {
          action.accept(value);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
          return;
        }
        if (value.hasMore() && value.nextCursor() != null) {
          fetch(value.nextCursor());
        } else {
          result.complete(null);
        }
      });
    }
  }
}
