package ai.heymilo.sdk.internal;

import ai.heymilo.client.HeyMiloMoshi;
import retrofit2.Converter;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** Kept apart so that only choosing Moshi loads Moshi classes; Moshi is an optional dependency. */
final class MoshiConverter {
  private MoshiConverter() {}

  static Converter.Factory create() {
    return MoshiConverterFactory.create(HeyMiloMoshi.create());
  }
}
