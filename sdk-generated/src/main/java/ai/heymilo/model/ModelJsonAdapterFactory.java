package ai.heymilo.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Moshi support for every generated model, enum and {@code oneOf} interface, and for free-form
 * {@code Object}, {@code Map<String, Object>} and {@code List<Object>} — the same JSON core as
 * {@link ModelTypeAdapterFactory} gives Gson, so results, output and {@link JsonDecodingException}s
 * are identical. Declared property names are matched with Moshi's {@code selectName}, without
 * decoding each name into a string.
 *
 * <pre>{@code
 * Moshi moshi = new Moshi.Builder().add(new ModelJsonAdapterFactory()).build();
 * PostingResponse posting = moshi.adapter(PostingResponse.class).fromJson(json);
 * }</pre>
 *
 * <p>Moshi is an optional dependency of this library; this class is the only public one that
 * needs it, and nothing on the Gson path loads a Moshi class.
 */
public final class ModelJsonAdapterFactory implements JsonAdapter.Factory {
  private final SchemaRegistry registry;

  /** Creates the factory for the models of this library; it is stateless. */
  public ModelJsonAdapterFactory() {
    this(ModelSchemas.INSTANCE);
  }

  ModelJsonAdapterFactory(SchemaRegistry registry) {
    this.registry = registry;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Codec<?> codec = registry.codec(Types.getRawType(type));
    if (codec == null) {
      codec = FreeformCodec.forType(type);
    }
    return codec == null ? null : new Adapter(codec);
  }

  /** Runs the core over Moshi's reader and writer; null at the top level is Moshi's usual null. */
  private static final class Adapter<T> extends JsonAdapter<T> {
    private final Codec<T> codec;

    Adapter(Codec<T> codec) {
      this.codec = codec;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      try {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        return codec.read(new MoshiJsonIn(reader));
      } catch (IOException e) {
        JsonDecodingException syntax = MoshiJsonIn.syntaxError(reader, e);
        if (syntax != null) {
          throw syntax;
        }
        throw e;
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        codec.write(new MoshiJsonOut(writer), value);
      }
    }
  }
}
