package ai.heymilo.cli;

import ai.heymilo.sdk.WaitListener;
import ai.heymilo.sdk.WaitProgress;
import java.time.Duration;

/**
 * Shows a wait's progress: on a terminal one line rewritten in place, otherwise a plain line per
 * poll (so logs and pipes stay readable).
 */
final class ProgressLine implements WaitListener {
  private final Console console;
  private final String what;
  private int lastWidth;

  ProgressLine(Console console, String what) {
    this.console = console;
    this.what = what;
  }

  @Override
  public void onPoll(WaitProgress progress) {
    String status = progress.status() != null ? progress.status()
        : "poll failed (" + Table.oneLine(String.valueOf(progress.error().getMessage())) + ")";
    String line = what + ": " + status + " · poll " + progress.attempt() + " · " + clock(progress.elapsed()) + " elapsed"
        + (progress.nextDelay() == null ? "" : " · next poll in " + seconds(progress.nextDelay()));
    if (console.terminal) {
      console.err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
      if (progress.done()) {
        console.err.println();
      }
      console.err.flush();
    } else {
      console.note(line);
    }
  }

  static String clock(Duration elapsed) {
    long seconds = elapsed.getSeconds();
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  private static String seconds(Duration delay) {
    return delay.toMillis() < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", delay.toMillis() / 1000.0)
        : delay.getSeconds() + "s";
  }
}
