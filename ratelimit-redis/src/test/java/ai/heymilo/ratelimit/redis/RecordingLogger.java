package ai.heymilo.ratelimit.redis;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A System.Logger that keeps what it is told, for assertions on the outage messages. */
final class RecordingLogger implements System.Logger {
  /** One message. */
  static final class Line {
    final Level level;
    final String message;

    Line(Level level, String message) {
      this.level = level;
      this.message = message;
    }

    @Override
    public String toString() {
      return level + " " + message;
    }
  }

  final List<Line> lines = new CopyOnWriteArrayList<>();

  List<String> at(Level level) {
    return lines.stream().filter(l -> l.level == level).map(l -> l.message).collect(Collectors.toList());
  }

  @Override
  public String getName() {
    return "test";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    lines.add(new Line(level, message));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(new Line(level, params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params)));
  }
}
