package ai.heymilo.cli;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Applies a list command's {@code --limit}: pages are fetched lazily, so stopping early fetches no more. */
final class Lists {
  private Lists() {}

  static <T> List<T> take(Stream<T> items, @Nullable Integer limit) {
    if (limit != null && limit < 0) {
      throw new ai.heymilo.sdk.errors.InvalidRequestException("limit", "--limit must be 0 or more, but was " + limit);
    }
    return (limit == null ? items : items.limit(limit)).collect(Collectors.toList());
  }
}
