package ai.heymilo.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape every single-object response shares: {@code {data, meta}}.
 *
 * <p>Each generated {@code SingleResponse…} model implements it, so one code path unwraps every
 * operation's result.
 *
 * @param <T> the type of {@code data}
 */
public interface SingleEnvelope<T> {
  /** Returns the response's payload, or null if the response had none. */
  @Nullable T getData();

  /** Returns the optional metadata; its shape varies by endpoint. */
  @Nullable Map<String, Object> getMeta();
}
