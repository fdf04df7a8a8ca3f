package ai.heymilo.client;

import ai.heymilo.model.ModelTypeAdapterFactory;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;

/**
 * The Gson configuration the HeyMilo models are meant for.
 *
 * <p>Models decode with any {@code Gson} (they carry {@code @JsonAdapter}); this configuration also
 * registers {@link ModelTypeAdapterFactory} for free-form values outside a model —
 * {@code Map<String, Object>} results such as the health check, {@code List<Object>} — and sets the
 * number policy Gson uses for a bare {@code Object}, so integral numbers decode as {@code Long}
 * instead of {@code Double}, exactly as with {@link HeyMiloMoshi}. HTML characters stay unescaped
 * so text round-trips as sent.
 *
 * <pre>{@code
 * Gson gson = HeyMiloGson.create();
 * InterviewDataResponse data = gson.fromJson(json, InterviewDataResponse.class);
 * }</pre>
 */
public final class HeyMiloGson {
  private HeyMiloGson() {}

  /** Returns a builder with the HeyMilo configuration, for callers who add their own adapters. */
  public static GsonBuilder builder() {
    return new GsonBuilder()
        .registerTypeAdapterFactory(new ModelTypeAdapterFactory())
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .disableHtmlEscaping();
  }

  /** Returns a new {@code Gson} with the HeyMilo configuration. */
  public static Gson create() {
    return builder().create();
  }
}
