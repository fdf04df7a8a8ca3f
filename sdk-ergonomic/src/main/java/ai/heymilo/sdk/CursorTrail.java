package ai.heymilo.sdk;

import ai.heymilo.sdk.errors.InvalidResponseException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cursors one iteration has requested, so a server whose pages lead back to one already fetched (A → B → A, in
 * a loop of any length) stops the iteration with a typed error instead of looping forever. Not thread-safe: one
 * iteration fetches one page at a time.
 */
final class CursorTrail {
  private final Set<String> requested = new HashSet<>();

  CursorTrail(@Nullable String firstCursor) {
    if (firstCursor != null) {
      requested.add(firstCursor);
    }
  }

  /**
   * Records that the page after {@code page} is about to be requested, and returns its cursor.
   *
   * @throws InvalidResponseException if that cursor was requested before in this iteration
   */
  String next(Page<?> page) {
    String cursor = page.nextCursor();
    if (cursor == null) {
      throw new IllegalStateException("a page without a next cursor has no next page");
    }
    if (!requested.add(cursor)) {
      throw new InvalidResponseException("The list response continues after cursor '" + cursor + "', which this "
          + "iteration has already requested; stopping instead of going round the same pages again",
          page.raw().statusCode(), "$.data", null);
    }
    return cursor;
  }
}
