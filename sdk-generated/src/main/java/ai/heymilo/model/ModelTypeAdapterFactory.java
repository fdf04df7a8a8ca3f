package ai.heymilo.model;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Gson support for every generated model, enum and {@code oneOf} interface, and for free-form
 * {@code Map<String, Object>} and {@code List<Object>}.
 *
 * <p>Generated types carry {@code @JsonAdapter(ModelTypeAdapterFactory.class)}, so any
 * {@code Gson} decodes them; {@code HeyMiloGson} also registers this factory for the free-form
 * types. This class only binds Gson's streaming reader and writer to the JSON core that
 * {@link ModelJsonAdapterFactory} shares, so both libraries give the same models, the same JSON
 * and the same {@link JsonDecodingException} for the same input:
 *
 * <ul>
 *   <li>unknown properties are kept as additional properties and unknown enum values stay readable;
 *   <li>free-form numbers are {@code Long} when integral, otherwise {@code Double};
 *   <li>a body that does not fit — a wrong type, a number out of range, an unknown discriminator,
 *       malformed or truncated JSON — throws {@link JsonDecodingException} with its JSON path;
 *       an {@code IOException} of the connection itself is rethrown unchanged.
 * </ul>
 *
 * <pre>{@code
 * Gson gson = new GsonBuilder().registerTypeAdapterFactory(new ModelTypeAdapterFactory()).create();
 * PostingResponse posting = gson.fromJson(json, PostingResponse.class);
 * }</pre>
 */
public final class ModelTypeAdapterFactory implements TypeAdapterFactory {
  private final SchemaRegistry registry;

  /** Creates the factory for the models of this library; it is stateless. */
  public ModelTypeAdapterFactory() {
    this(ModelSchemas.INSTANCE);
  }

  ModelTypeAdapterFactory(SchemaRegistry registry) {
    this.registry = registry;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> typeToken) {
    Codec<?> codec = registry.codec(typeToken.getRawType());
    if (codec == null) {
      codec = FreeformCodec.forType(typeToken.getType());
    }
    return codec == null ? null : new Adapter<>((Codec<T>) codec);
  }

  /** Runs the core over Gson's reader and writer; null at the top level is Gson's usual null. */
  private static final class Adapter<T> extends TypeAdapter<T> {
    private final Codec<T> codec;

    Adapter(Codec<T> codec) {
      this.codec = codec;
    }

    @Override
    public @Nullable T read(JsonReader reader) throws IOException {
      try {
        if (reader.peek() == JsonToken.NULL) {
          reader.nextNull();
          return null;
        }
        return codec.read(new GsonJsonIn(reader));
      } catch (IOException e) {
        JsonDecodingException syntax = GsonJsonIn.syntaxError(reader, e);
        if (syntax != null) {
          throw syntax;
        }
        throw e;
      }
    }

    @Override
    public void write(JsonWriter writer, @Nullable T value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        codec.write(new GsonJsonOut(writer), value);
      }
    }
  }
}
