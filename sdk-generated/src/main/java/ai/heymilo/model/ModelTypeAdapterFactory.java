package ai.heymilo.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Gson support for every generated model, enum and {@code oneOf} interface.
 *
 * <p>Generated types carry {@code @JsonAdapter(ModelTypeAdapterFactory.class)}, so any
 * {@code Gson} instance picks this up without registration. Decoding never fails on what a newer
 * server may send: unknown properties are kept as additional properties and unknown enum values
 * stay readable. JSON numbers in free-form values ({@code Object}, {@code Map<String, Object>})
 * decode as {@code Long} when integral and {@code Double} otherwise, whatever the Gson
 * instance's number policy.
 */
public final class ModelTypeAdapterFactory implements TypeAdapterFactory {
  /** Creates the factory; it is stateless. */
  public ModelTypeAdapterFactory() {}

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> typeToken) {
    Class<? super T> raw = typeToken.getRawType();
    ModelSchema<?> model = ModelSchemas.model(raw);
    if (model != null) {
      return (TypeAdapter<T>) new ModelAdapter(gson, model);
    }
    Function<String, ? extends ApiEnum> enumFactory = ModelSchemas.enumFactory(raw);
    if (enumFactory != null) {
      return (TypeAdapter<T>) new EnumAdapter(enumFactory).nullSafe();
    }
    UnionSchema union = ModelSchemas.union(raw);
    if (union != null) {
      return (TypeAdapter<T>) new UnionAdapter(gson, union).nullSafe();
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

  private static final class ModelAdapter<T extends ApiObject> extends TypeAdapter<T> {
    private final ModelSchema<T> schema;
    private final Map<String, TypeAdapter<Object>> adapters = new LinkedHashMap<>();
    private final FreeformAdapter freeform;

    @SuppressWarnings("unchecked")
    ModelAdapter(Gson gson, ModelSchema<T> schema) {
      this.schema = schema;
      this.freeform = new FreeformAdapter(gson);
      for (ModelSchema.Property<T> property : schema.properties()) {
        TypeAdapter<?> adapter = FreeformJson.isFreeform(property.type) ? freeform : gson.getAdapter(TypeToken.get(property.type));
        adapters.put(property.jsonName, (TypeAdapter<Object>) adapter);
      }
    }

    @Override
    public @Nullable T read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      T model = schema.newInstance();
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        ModelSchema.Property<T> property = schema.property(name);
        if (property == null) {
          model.putAdditionalPropertyUnchecked(name, freeform.read(in));
        } else if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          model.explicitNull(name, true);
        } else {
          Object value = readProperty(in, adapters.get(name));
          if (value != null && !FreeformJson.rawType(property.type).isInstance(value)) {
            throw new JsonParseException("Expected " + FreeformJson.describe(property.type) + " but was " + FreeformJson.describe(value.getClass()) + " at path " + in.getPath());
          }
          if (value == null) {
            model.explicitNull(name, true);
          } else {
            property.set(model, value);
          }
        }
      }
      in.endObject();
      return model;
    }

    /** Gson's number adapters throw NumberFormatException without saying where; add the path. */
    private static @Nullable Object readProperty(JsonReader in, TypeAdapter<Object> adapter) throws IOException {
      try {
        return adapter.read(in);
      } catch (NumberFormatException e) {
        throw new JsonSyntaxException(e.getMessage() + " at path " + in.getPath(), e);
      }
    }

    @Override
    public void write(JsonWriter out, @Nullable T model) throws IOException {
      if (model == null) {
        out.nullValue();
        return;
      }
      out.beginObject();
      for (ModelSchema.Property<T> property : schema.properties()) {
        Object value = property.get(model);
        if (value != null) {
          out.name(property.jsonName);
          adapters.get(property.jsonName).write(out, value);
        } else if (model.isExplicitNull(property.jsonName)) {
          out.name(property.jsonName);
          writeExplicitNull(out);
        }
      }
      for (Map.Entry<String, @Nullable Object> entry : model.getAdditionalProperties().entrySet()) {
        out.name(entry.getKey());
        freeform.write(out, entry.getValue());
      }
      out.endObject();
    }
  }

  private static final class EnumAdapter extends TypeAdapter<ApiEnum> {
    private final Function<String, ? extends ApiEnum> factory;

    EnumAdapter(Function<String, ? extends ApiEnum> factory) {
      this.factory = factory;
    }

    @Override
    public ApiEnum read(JsonReader in) throws IOException {
      return factory.apply(in.nextString());
    }

    @Override
    public void write(JsonWriter out, ApiEnum value) throws IOException {
      out.value(value.value());
    }
  }

  private static final class UnionAdapter extends TypeAdapter<Object> {
    private final Gson gson;
    private final UnionSchema union;

    UnionAdapter(Gson gson, UnionSchema union) {
      this.gson = gson;
      this.union = union;
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      String path = in.getPath(); // after the read it names the next element
      JsonElement tree = gson.getAdapter(JsonElement.class).read(in);
      if (!tree.isJsonObject()) {
        throw new JsonParseException("Expected an object for " + union.unknownVariantMessage(null) + " at path " + path);
      }
      JsonElement discriminator = tree.getAsJsonObject().get(union.discriminator());
      String value = discriminator != null && discriminator.isJsonPrimitive() ? discriminator.getAsString() : null;
      Class<? extends ApiObject> variant = union.variant(value);
      if (variant == null) {
        throw new JsonParseException(union.unknownVariantMessage(value) + " at path " + path);
      }
      return gson.getAdapter(variant).fromJsonTree(tree);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, Object value) throws IOException {
      ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).write(out, value);
    }
  }

  /** Reads and writes free-form JSON as plain Java values (maps, lists, strings, numbers, booleans). */
  static final class FreeformAdapter extends TypeAdapter<Object> {
    private final Gson gson;

    FreeformAdapter(Gson gson) {
      this.gson = gson;
    }

    @Override
    public @Nullable Object read(JsonReader in) throws IOException {
      switch (in.peek()) {
        case BEGIN_OBJECT:
          Map<String, @Nullable Object> object = new LinkedHashMap<>();
          in.beginObject();
          while (in.hasNext()) {
            String name = in.nextName();
            object.put(name, read(in));
          }
          in.endObject();
          return object;
        case BEGIN_ARRAY:
          List<@Nullable Object> array = new ArrayList<>();
          in.beginArray();
          while (in.hasNext()) {
            array.add(read(in));
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
          in.nextNull();
          return null;
        default:
          throw new JsonParseException("Unexpected " + in.peek() + " at path " + in.getPath());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, @Nullable Object value) throws IOException {
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
          write(out, entry.getValue());
        }
        out.endObject();
      } else if (value instanceof Iterable) {
        out.beginArray();
        for (Object item : (Iterable<?>) value) {
          write(out, item);
        }
        out.endArray();
      } else {
        ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).write(out, value);
      }
    }
  }
}
