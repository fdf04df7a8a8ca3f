package ai.heymilo.sdk.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Wraps the JSON converter so that every decoding failure — malformed or truncated JSON (which
 * Gson and Moshi report as {@code IOException}s), a wrong type, an unknown discriminator — surfaces
 * as {@link BodyDecodeException}.
 *
 * <p>Retrofit still reports a failure of the underlying network read as that original
 * {@code IOException}: it records source failures separately and rethrows them in preference.
 */
final class DecodeFailureConverterFactory extends Converter.Factory {
  private final Converter.Factory delegate;
  private final LastResponseStatus lastStatus;

  DecodeFailureConverterFactory(Converter.Factory delegate, LastResponseStatus lastStatus) {
    this.delegate = delegate;
    this.lastStatus = lastStatus;
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> converter = delegate.responseBodyConverter(type, annotations, retrofit);
    if (converter == null) {
      return null;
    }
    return body -> {
      try {
        return converter.convert(body);
      } catch (IOException | RuntimeException e) {
        throw new BodyDecodeException(lastStatus.get(), e);
      }
    };
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    return delegate.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  @Override
  public @Nullable Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    return delegate.stringConverter(type, annotations, retrofit);
  }
}
