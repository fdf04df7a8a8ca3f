package ai.heymilo.model;

import ai.heymilo.model.JsonIn.Token;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A generated {@code oneOf} interface whose implementation is chosen by a discriminator property
 * (for example the workflow step's {@code type}), and its codec.
 *
 * <p>Decoding reads the object into a free-form tree, finds the discriminator wherever it sits
 * in the object, then decodes the chosen variant from that tree — the same code for both JSON
 * libraries, at the cost of one intermediate tree per union value (unions are small and rare:
 * request bodies, not the large responses).
 *
 * @param <T> the interface type
 */
final class UnionSchema<T> extends Codec<T> {
  private final Class<T> type;
  private final String discriminator;
  private final Map<String, Codec<? extends T>> variants;
  private volatile @Nullable Map<String, Codec<? extends T>> resolved;

  private UnionSchema(Class<T> type, String discriminator, Map<String, Codec<? extends T>> variants) {
    super(OTHER);
    this.type = type;
    this.discriminator = discriminator;
    this.variants = variants;
  }

  /** Starts the description of {@code type}, whose variants {@code registry} knows. */
  static <T> Builder<T> builder(Class<T> type, String discriminator, SchemaRegistry registry) {
    return new Builder<>(type, discriminator, registry);
  }

  private Map<String, Codec<? extends T>> variants() {
    Map<String, Codec<? extends T>> map = resolved;
    if (map == null) {
      map = new LinkedHashMap<>();
      for (Map.Entry<String, Codec<? extends T>> entry : variants.entrySet()) {
        map.put(entry.getKey(), entry.getValue().resolve());
      }
      resolved = map;
    }
    return map;
  }

  @Override
  T read(JsonIn in) throws IOException {
    Token token = in.peek();
    if (token != Token.BEGIN_OBJECT) {
      throw in.mismatch("an object (a " + type.getSimpleName() + ")", token);
    }
    String path = in.path();
    Map<String, @Nullable Object> tree = FreeformCodec.readObject(in);
    Object value = tree.get(discriminator);
    Codec<? extends T> variant = value instanceof String ? variants().get(value) : null;
    if (variant == null) {
      String expected = "'" + discriminator + "' to name a " + type.getSimpleName() + " variant, one of "
          + new TreeSet<>(variants.keySet());
      String where = value == null && !tree.containsKey(discriminator) ? path : path + "." + discriminator;
      if (value instanceof String) {
        throw JsonDecodingException.invalid(where, expected, (String) value);
      }
      throw JsonDecodingException.mismatch(where, expected, value == null ? (tree.containsKey(discriminator) ? "null" : "missing")
          : TreeJsonIn.tokenOf(value).described);
    }
    return variant.read(new TreeJsonIn(tree, path));
  }

  @Override
  @SuppressWarnings("unchecked")
  void write(JsonOut out, T value) throws IOException {
    ApiObject model = (ApiObject) value;
    ((ModelCodec<ApiObject>) model.schema().codec()).write(out, model);
  }

  /** Collects the variants: discriminator value and implementing class. */
  static final class Builder<T> {
    private final Class<T> type;
    private final String discriminator;
    private final SchemaRegistry registry;
    private final Map<String, Codec<? extends T>> variants = new LinkedHashMap<>();

    private Builder(Class<T> type, String discriminator, SchemaRegistry registry) {
      this.type = type;
      this.discriminator = discriminator;
      this.registry = registry;
    }

    <V extends T> Builder<T> variant(String value, Class<V> variant) {
      variants.put(value, Codec.ref(variant, registry));
      return this;
    }

    UnionSchema<T> build() {
      return new UnionSchema<>(type, discriminator, new LinkedHashMap<>(variants));
    }
  }
}
