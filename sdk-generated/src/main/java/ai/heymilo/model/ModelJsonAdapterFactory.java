package ai.heymilo.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Moshi support for every generated model, enum and {@code oneOf} interface — the same behaviour
 * as {@link ModelTypeAdapterFactory} gives Gson.
 *
 * <pre>{@code
 * Moshi moshi = new Moshi.Builder().add(new ModelJsonAdapterFactory()).build();
 * }</pre>
 *
 * <p>Moshi is an optional dependency of this library; this class is the only one that needs it.
 */
public final class ModelJsonAdapterFactory implements JsonAdapter.Factory {
  /** Creates the factory; it is stateless. */
  public ModelJsonAdapterFactory() {}

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == Object.class) {
      // Free-form values anywhere (also inside Map<String, Object>) keep integral numbers as Long.
      return new FreeformAdapter(moshi);
    }
    Class<?> raw = Types.getRawType(type);
    ModelSchema<?> model = ModelSchemas.model(raw);
    if (model != null) {
      return new ModelAdapter(moshi, model).nullSafe();
    }
    Function<String, ? extends ApiEnum> enumFactory = ModelSchemas.enumFactory(raw);
    if (enumFactory != null) {
      return new EnumAdapter(enumFactory).nullSafe();
    }
    UnionSchema union = ModelSchemas.union(raw);
    if (union != null) {
      return new UnionAdapter(moshi, union).nullSafe();
    }
    return null;
  }

  /** Writes a JSON null even when the writer omits nulls: the caller or the server meant it. */
  static void writeExplicitNull(JsonWriter out) throws IOException {
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    out.nullValue();
    out.setSerializeNulls(serializeNulls);
  }

  private static final class ModelAdapter<T extends ApiObject> extends JsonAdapter<T> {
    private final ModelSchema<T> schema;
    /** The declared properties in schema order, with their adapters; {@link #names} has the same order. */
    private final List<ModelSchema.Property<T>> properties;
    private final List<JsonAdapter<Object>> adapters = new ArrayList<>();
    private final List<Class<?>> rawTypes = new ArrayList<>();
    /** Lets the reader match a declared name without decoding it into a String. */
    private final JsonReader.Options names;
    private final FreeformAdapter freeform;

    @SuppressWarnings("unchecked")
    ModelAdapter(Moshi moshi, ModelSchema<T> schema) {
      this.schema = schema;
      this.properties = schema.properties();
      this.freeform = new FreeformAdapter(moshi);
      String[] jsonNames = new String[properties.size()];
      for (int i = 0; i < properties.size(); i++) {
        ModelSchema.Property<T> property = properties.get(i);
        JsonAdapter<?> adapter = FreeformJson.isFreeform(property.type) ? freeform : moshi.adapter(property.type);
        adapters.add((JsonAdapter<Object>) adapter);
        rawTypes.add(FreeformJson.rawType(property.type));
        jsonNames[i] = property.jsonName;
      }
      this.names = JsonReader.Options.of(jsonNames);
    }

    @Override
    public T fromJson(JsonReader in) throws IOException {
      T model = schema.newInstance();
      in.beginObject();
      while (in.hasNext()) {
        int index = in.selectName(names);
        if (index < 0) {
          String name = in.nextName();
          model.putAdditionalPropertyUnchecked(name, freeform.fromJson(in));
          continue;
        }
        ModelSchema.Property<T> property = properties.get(index);
        if (in.peek() == JsonReader.Token.NULL) {
          in.nextNull();
          model.explicitNull(property.jsonName, true);
        } else {
          Object value = adapters.get(index).fromJson(in);
          if (value != null && !rawTypes.get(index).isInstance(value)) {
            throw new JsonDataException("Expected " + FreeformJson.describe(property.type) + " but was "
                + FreeformJson.describe(value.getClass()) + " at path " + in.getPath());
          }
          if (value == null) {
            model.explicitNull(property.jsonName, true);
          } else {
            property.set(model, value);
          }
        }
      }
      in.endObject();
      return model;
    }

    @Override
    public void toJson(JsonWriter out, @Nullable T model) throws IOException {
      if (model == null) {
        out.nullValue();
        return;
      }
      out.beginObject();
      for (int i = 0; i < properties.size(); i++) {
        ModelSchema.Property<T> property = properties.get(i);
        Object value = property.get(model);
        if (value != null) {
          out.name(property.jsonName);
          adapters.get(i).toJson(out, value);
        } else if (model.isExplicitNull(property.jsonName)) {
          out.name(property.jsonName);
          writeExplicitNull(out);
        }
      }
      for (Map.Entry<String, @Nullable Object> entry : model.getAdditionalProperties().entrySet()) {
        out.name(entry.getKey());
        freeform.toJson(out, entry.getValue());
      }
      out.endObject();
    }
  }

  private static final class EnumAdapter extends JsonAdapter<ApiEnum> {
    private final Function<String, ? extends ApiEnum> factory;

    EnumAdapter(Function<String, ? extends ApiEnum> factory) {
      this.factory = factory;
    }

    @Override
    public ApiEnum fromJson(JsonReader in) throws IOException {
      return factory.apply(in.nextString());
    }

    @Override
    public void toJson(JsonWriter out, @Nullable ApiEnum value) throws IOException {
      out.value(value == null ? null : value.value());
    }
  }

  private static final class UnionAdapter extends JsonAdapter<Object> {
    private final Moshi moshi;
    private final UnionSchema union;

    UnionAdapter(Moshi moshi, UnionSchema union) {
      this.moshi = moshi;
      this.union = union;
    }

    @Override
    public Object fromJson(JsonReader in) throws IOException {
      if (in.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new JsonDataException("Expected an object for " + union.unknownVariantMessage(null) + " at path " + in.getPath());
      }
      String value = discriminatorValue(in.peekJson());
      Class<? extends ApiObject> variant = union.variant(value);
      if (variant == null) {
        throw new JsonDataException(union.unknownVariantMessage(value) + " at path " + in.getPath());
      }
      return moshi.adapter(variant).fromJson(in);
    }

    /** Reads ahead (on a peeking reader) to the discriminator; the real reader does not move. */
    private @Nullable String discriminatorValue(JsonReader peek) throws IOException {
      try (JsonReader reader = peek) {
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.nextName().equals(union.discriminator()) && reader.peek() == JsonReader.Token.STRING) {
            return reader.nextString();
          }
          reader.skipValue();
        }
        return null;
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      ((JsonAdapter<Object>) moshi.adapter(value.getClass())).toJson(out, value);
    }
  }

  /** Reads and writes free-form JSON as plain Java values (maps, lists, strings, numbers, booleans). */
  private static final class FreeformAdapter extends JsonAdapter<Object> {
    private final Moshi moshi;

    FreeformAdapter(Moshi moshi) {
      this.moshi = moshi;
    }

    @Override
    public @Nullable Object fromJson(JsonReader in) throws IOException {
      switch (in.peek()) {
        case BEGIN_OBJECT:
          Map<String, @Nullable Object> object = new LinkedHashMap<>();
          in.beginObject();
          while (in.hasNext()) {
            String name = in.nextName();
            object.put(name, fromJson(in));
          }
          in.endObject();
          return object;
        case BEGIN_ARRAY:
          List<@Nullable Object> array = new ArrayList<>();
          in.beginArray();
          while (in.hasNext()) {
            array.add(fromJson(in));
          }
          in.endArray();
          return array;
        case STRING:
          return in.nextString();
        case NUMBER:
          return FreeformJson.parseNumber(in.nextString());
        case BOOLEAN:
          return in.nextBoolean();
        case NULL:
          return in.nextNull();
        default:
          throw new JsonDataException("Unexpected " + in.peek() + " at path " + in.getPath());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
      if (value == null) {
        writeExplicitNull(out);
      } else if (value instanceof String) {
        out.value((String) value);
      } else if (value instanceof Boolean) {
        out.value((Boolean) value);
      } else if (value instanceof Number) {
        out.value((Number) value);
      } else if (value instanceof Map) {
        out.beginObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.name(String.valueOf(entry.getKey()));
          toJson(out, entry.getValue());
        }
        out.endObject();
      } else if (value instanceof Iterable) {
        out.beginArray();
        for (Object item : (Iterable<?>) value) {
          toJson(out, item);
        }
        out.endArray();
      } else {
        ((JsonAdapter<Object>) moshi.adapter(value.getClass())).toJson(out, value);
      }
    }
  }
}
