package ai.heymilo.model;

import ai.heymilo.model.JsonIn.Token;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one generated model from its {@link ModelSchema}: declared properties by name
 * (matched without decoding the name where the library allows), a JSON null recorded as an
 * explicit null, anything undeclared kept as an additional property in arrival order. Writes only
 * what is set, explicit nulls, then the additional properties.
 *
 * @param <T> the model type
 */
final class ModelCodec<T extends ApiObject> extends Codec<T> {
  private final ModelSchema<T> schema;
  /** The property codecs with references resolved; built on first use (see {@link Codec#ref}). */
  private volatile Codec<?> @Nullable [] resolved;

  ModelCodec(ModelSchema<T> schema) {
    super(MODEL_KIND);
    this.schema = schema;
  }

  private Codec<?>[] codecs() {
    Codec<?>[] codecs = resolved;
    if (codecs == null) {
      // Idempotent: two threads racing here build equal arrays.
      codecs = new Codec<?>[schema.size()];
      for (int i = 0; i < codecs.length; i++) {
        codecs[i] = schema.property(i).codec.resolve();
      }
      resolved = codecs;
    }
    return codecs;
  }

  @Override
  T read(JsonIn in) throws IOException {
    Token token = in.peek();
    if (token != Token.BEGIN_OBJECT) {
      throw in.mismatch("an object", token);
    }
    Codec<?>[] codecs = codecs();
    JsonNames names = schema.names();
    T model = schema.newInstance();
    int expected = 0;
    in.beginObject();
    while (in.hasNext()) {
      int index = in.selectName(names, expected);
      if (index < 0) {
        String name = in.nextName();
        model.putAdditionalPropertyUnchecked(name, FreeformCodec.readNullable(in));
        continue;
      }
      expected = index + 1;
      ModelSchema.Property<T> property = schema.property(index);
      token = in.peek();
      if (token == Token.NULL) {
        in.nextNull();
        model.explicitNull(property.jsonName, true);
      } else {
        property.set(model, readValue(codecs[index], in, token));
      }
    }
    in.endObject();
    return model;
  }

  @Override
  void write(JsonOut out, T model) throws IOException {
    Codec<?>[] codecs = codecs();
    out.beginObject();
    for (int i = 0; i < codecs.length; i++) {
      ModelSchema.Property<T> property = schema.property(i);
      Object value = property.get(model);
      if (value != null) {
        out.name(property.jsonName);
        writeValue(codecs[i], out, value, property.jsonName);
      } else if (model.isExplicitNull(property.jsonName)) {
        out.name(property.jsonName);
        out.explicitNull();
      }
    }
    for (Map.Entry<String, @Nullable Object> entry : model.getAdditionalProperties().entrySet()) {
      out.name(entry.getKey());
      FreeformCodec.writeNullable(out, entry.getValue(), entry.getKey());
    }
    out.endObject();
  }
}
