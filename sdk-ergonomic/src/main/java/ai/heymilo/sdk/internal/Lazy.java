package ai.heymilo.sdk.internal;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value created on first use, at most once, safely across threads. The client creates each
 * resource this way: a resource builds its Retrofit proxy, which initialises the interface's
 * request and response model classes — work a short-lived program (the CLI) should pay only for
 * the resources it touches.
 */
final class Lazy<T> implements Supplier<T> {
  private @Nullable Supplier<T> factory;
  private volatile @Nullable T value;

  Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = factory.get();
          value = current;
          factory = null; // Let whatever the factory captured be collected.
        }
      }
    }
    return current;
  }
}
