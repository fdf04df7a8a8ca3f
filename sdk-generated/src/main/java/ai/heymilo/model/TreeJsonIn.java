package ai.heymilo.model;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JsonIn} over a value already read by {@link FreeformCodec} (maps, lists, strings,
 * {@code Long}/{@code Double}, booleans, null): how a union decodes its variant after looking at
 * the discriminator. Paths continue the path of the tree's root, so errors read as if the variant
 * had been read from the document itself.
 */
final class TreeJsonIn extends JsonIn {
  /** One open object or array. */
  private static final class Frame {
    final boolean object;
    final Iterator<?> iterator;
    /** Object: the last name read. */
    @Nullable String name;
    /** Array: elements consumed so far, which is also the index {@link #path()} shows. */
    int consumed;
    /** The value at the cursor, read from the iterator but not yet consumed. */
    @Nullable Object pending;
    boolean hasPending;
    /** Object: {@link #selectName} did not match, so {@link #nextName} must return {@link #name} again. */
    boolean nameHeld;

    Frame(boolean object, Iterator<?> iterator) {
      this.object = object;
      this.iterator = iterator;
    }
  }

  private final String rootPath;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private @Nullable Object root;
  private boolean rootPending = true;

  TreeJsonIn(@Nullable Object root, String rootPath) {
    this.root = root;
    this.rootPath = rootPath;
  }

  static Token tokenOf(@Nullable Object value) {
    if (value == null) {
      return Token.NULL;
    } else if (value instanceof Map) {
      return Token.BEGIN_OBJECT;
    } else if (value instanceof List) {
      return Token.BEGIN_ARRAY;
    } else if (value instanceof String) {
      return Token.STRING;
    } else if (value instanceof Number) {
      return Token.NUMBER;
    } else if (value instanceof Boolean) {
      return Token.BOOLEAN;
    }
    throw new IllegalStateException("not a free-form JSON value: " + value.getClass().getName());
  }

  @Override
  Token peek() {
    Frame top = stack.peek();
    if (top == null) {
      return rootPending ? tokenOf(root) : Token.END_DOCUMENT;
    }
    if (top.hasPending) {
      return tokenOf(top.pending);
    }
    if (top.object) {
      return top.nameHeld || top.iterator.hasNext() ? Token.NAME : Token.END_OBJECT;
    }
    if (top.iterator.hasNext()) {
      top.pending = top.iterator.next();
      top.hasPending = true;
      return tokenOf(top.pending);
    }
    return Token.END_ARRAY;
  }

  /** Takes the value at the cursor; the caller has checked its kind with {@link #peek()}. */
  private @Nullable Object take() {
    Frame top = stack.peek();
    if (top == null) {
      rootPending = false;
      Object value = root;
      root = null;
      return value;
    }
    if (!top.hasPending) {
      peek();
    }
    Object value = top.pending;
    top.pending = null;
    top.hasPending = false;
    if (!top.object) {
      top.consumed++;
    }
    return value;
  }

  @Override
  void beginObject() {
    Map<?, ?> map = (Map<?, ?>) take();
    stack.push(new Frame(true, map.entrySet().iterator()));
  }

  @Override
  void endObject() {
    stack.pop();
  }

  @Override
  void beginArray() {
    List<?> list = (List<?>) take();
    stack.push(new Frame(false, list.iterator()));
  }

  @Override
  void endArray() {
    stack.pop();
  }

  @Override
  boolean hasNext() {
    Token token = peek();
    return token != Token.END_OBJECT && token != Token.END_ARRAY && token != Token.END_DOCUMENT;
  }

  @Override
  String nextName() {
    Frame top = stack.element();
    if (top.nameHeld) {
      top.nameHeld = false;
    } else {
      Map.Entry<?, ?> entry = (Map.Entry<?, ?>) top.iterator.next();
      top.name = (String) entry.getKey();
      top.pending = entry.getValue();
    }
    top.hasPending = true;
    return top.name;
  }

  @Override
  int selectName(JsonNames names, int expected) {
    String name = nextName();
    int index = names.indexOf(name, expected);
    if (index < 0) {
      Frame top = stack.element();
      top.nameHeld = true;
      top.hasPending = false;
    }
    return index;
  }

  @Override
  String nextString() {
    return String.valueOf(take());
  }

  @Override
  boolean nextBoolean() {
    return (Boolean) take();
  }

  @Override
  long nextLong() {
    String path = path();
    Number number = (Number) take();
    if (number instanceof Long) {
      return number.longValue();
    }
    double value = number.doubleValue();
    long whole = (long) value;
    if (whole != value) {
      throw JsonDecodingException.invalid(path, "an integer that fits in 64 bits", String.valueOf(number));
    }
    return whole;
  }

  @Override
  double nextDouble() {
    return ((Number) take()).doubleValue();
  }

  @Override
  void nextNull() {
    take();
  }

  @Override
  String path() {
    StringBuilder path = new StringBuilder(rootPath);
    Iterator<Frame> outermostFirst = stack.descendingIterator();
    while (outermostFirst.hasNext()) {
      Frame frame = outermostFirst.next();
      if (frame.object) {
        path.append('.');
        if (frame.name != null) {
          path.append(frame.name);
        }
      } else {
        path.append('[').append(frame.consumed).append(']');
      }
    }
    return path.toString();
  }
}
