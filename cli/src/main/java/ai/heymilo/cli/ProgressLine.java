package ai.heymilo.cli;

import ai.heymilo.sdk.WaitListener;
import ai.heymilo.sdk.WaitProgress;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Shows progress on stderr: on a terminal one line rewritten in place, never wider than the terminal (so
 * it never wraps into a new line per update) and cleared when the work ends or on Ctrl-C; elsewhere a plain
 * line per wait poll (so logs and pipes stay readable) and nothing for counters.
 */
final class ProgressLine implements WaitListener {
  private final Console console;
  private final @Nullable String what;
  private int shownWidth;
  private @Nullable String shownText;
  private @Nullable Thread clearOnExit;

  /** A line for counters ({@link #show}). */
  ProgressLine(Console console) {
    this(console, null);
  }

  /** A line for a wait's polls, each starting with {@code what}. */
  ProgressLine(Console console, @Nullable String what) {
    this.console = console;
    this.what = what;
  }

  @Override
  public synchronized void onPoll(WaitProgress progress) {
    String status = progress.status() != null ? progress.status()
        : "poll failed (" + Table.oneLine(String.valueOf(progress.error().getMessage())) + ")";
    String line = what + ": " + status + " · poll " + progress.attempt() + " · " + clock(progress.elapsed()) + " elapsed"
        + (progress.nextDelay() == null ? "" : " · next poll in " + seconds(progress.nextDelay()));
    if (!console.terminal) {
      console.note(line);
      return;
    }
    show(line);
    if (progress.done()) {
      // The final state stays on screen, above what follows.
      console.err.println();
      console.err.flush();
      shownWidth = 0;
      removeHook();
    }
  }

  /** Rewrites the line in place (terminals only). */
  synchronized void show(String text) {
    if (!console.terminal) {
      return;
    }
    int width = console.width();
    String line = width > 1 ? Table.cut(text, width - 1) : text;
    console.err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
    console.err.flush();
    shownWidth = line.length();
    shownText = text;
    if (clearOnExit == null) {
      clearOnExit = new Thread(this::erase, "heymilo-progress-clear");
      try {
        Runtime.getRuntime().addShutdownHook(clearOnExit);
      } catch (IllegalStateException shuttingDown) {
        clearOnExit = null;
      }
    }
  }

  /** Prints {@code line} on stdout above the progress line, which is drawn again below it. */
  synchronized void printAbove(String line) {
    String redraw = shownWidth > 0 ? shownText : null;
    erase();
    console.println(line);
    if (redraw != null) {
      show(redraw);
    }
  }

  /** Erases the line, leaving the cursor at the start of an empty line. */
  synchronized void clear() {
    erase();
    removeHook();
  }

  private synchronized void erase() {
    if (shownWidth > 0) {
      // Erase the whole line (ANSI "erase in line"), which also takes the "^C" a terminal echoes after the text.
      console.err.print("\r\u001b[2K\r");
      console.err.flush();
      shownWidth = 0;
    }
  }

  private void removeHook() {
    if (clearOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(clearOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: it erases the line itself.
      }
      clearOnExit = null;
    }
  }

  static String clock(Duration elapsed) {
    long seconds = elapsed.getSeconds();
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  private static String seconds(Duration delay) {
    return delay.toMillis() < 10_000 ? String.format(Locale.ROOT, "%.1fs", delay.toMillis() / 1000.0)
        : delay.getSeconds() + "s";
  }
}
