package ai.heymilo.sdk;

/** The JSON library that encodes requests and decodes responses. Both give the same results. */
public enum JsonLibrary {
  /** Gson — the default; always on the class path. */
  GSON,
  /** Moshi — optional: add {@code com.squareup.moshi:moshi} and {@code com.squareup.retrofit2:converter-moshi}. */
  MOSHI
}
