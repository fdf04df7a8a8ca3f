package ai.heymilo.cli;

import ai.heymilo.sdk.LogLevel;
import java.io.PrintWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the SDK's own HTTP log on stderr. The SDK logs through {@code System.Logger}
 * {@code ai.heymilo.sdk.http} at DEBUG, which the JDK maps to {@code java.util.logging} FINE — below
 * the default INFO, so without this a user asking for logs would see none. What the SDK masks (the key,
 * the bearer token, cookies) stays masked: this only decides where its lines go.
 */
final class Logging {
  static final String SDK_LOGGER = "ai.heymilo.sdk";

  private Logging() {}

  /** The SDK's log level for {@code -v} ({@code 1}), {@code -vv} ({@code 2}) and {@code -vvv} ({@code 3}). */
  static LogLevel level(int verbosity) {
    switch (verbosity) {
      case 0: return LogLevel.NONE;
      case 1: return LogLevel.BASIC;
      case 2: return LogLevel.HEADERS;
      default: return LogLevel.BODY;
    }
  }

  /**
   * Routes the SDK's loggers to {@code err} at FINE while the returned handle is open; returns null when
   * {@code verbosity} is 0. The handle is closed when the command ends, so that repeated runs in one JVM
   * (the tests) do not stack handlers.
   */
  static AutoCloseable toStderr(int verbosity, PrintWriter err) {
    if (verbosity == 0) {
      return () -> { };
    }
    Logger logger = Logger.getLogger(SDK_LOGGER);
    Level previous = logger.getLevel();
    boolean parents = logger.getUseParentHandlers();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          err.println(getFormatter().format(record));
          err.flush();
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        err.flush();
      }
    };
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        return formatMessage(record);
      }
    });
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.FINE);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    return () -> {
      logger.removeHandler(handler);
      logger.setLevel(previous);
      logger.setUseParentHandlers(parents);
    };
  }
}
