package ai.heymilo.client;

import ai.heymilo.model.ModelJsonAdapterFactory;
import com.squareup.moshi.Moshi;

/**
 * The Moshi configuration the HeyMilo models are meant for: {@link ModelJsonAdapterFactory}
 * first, so models, open enums, {@code oneOf} interfaces and free-form values ({@code Object},
 * {@code Map<String, Object>}) decode exactly as with {@link HeyMiloGson}.
 *
 * <p>Moshi is an optional dependency: add {@code com.squareup.moshi:moshi} to use this class.
 */
public final class HeyMiloMoshi {
  private HeyMiloMoshi() {}

  /** Returns a builder with the HeyMilo configuration, for callers who add their own adapters. */
  public static Moshi.Builder builder() {
    return new Moshi.Builder().add(new ModelJsonAdapterFactory());
  }

  /** Returns a new {@code Moshi} with the HeyMilo configuration. */
  public static Moshi create() {
    return builder().build();
  }
}
