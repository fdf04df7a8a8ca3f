package ai.heymilo.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Applies a list command's {@code --limit}: pages are fetched lazily, so stopping early fetches no more.
 * On a terminal, a count on stderr shows that a long list is still coming.
 */
final class Lists {
  private Lists() {}

  static <T> List<T> take(Console console, Iterable<T> items, @Nullable Integer limit) {
    List<T> taken = new ArrayList<>();
    Iterator<T> iterator = items.iterator();
    ProgressLine progress = new ProgressLine(console);
    while ((limit == null || taken.size() < limit) && iterator.hasNext()) {
      taken.add(iterator.next());
      if (taken.size() % 100 == 0) {
        progress.show("fetched " + taken.size() + "…");
      }
    }
    progress.clear();
    return taken;
  }
}
