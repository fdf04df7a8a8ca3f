package ai.heymilo.spec.api;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the public API of compiled classes: every public type reachable from outside its package (top-level, or
 * nested in such a type) with its public and protected constructors, methods and fields, generic signatures
 * included, so a {@code List<Long>} that becomes {@code List<String>} (source-incompatible, binary-compatible) shows.
 *
 * <p>This is a build tool, so it uses reflection: classes are loaded without being initialised. Packages named
 * {@code internal} are not API (as in OkHttp's API dumps), nor are synthetic members and bridge methods.
 */
final class ApiDump {
  private static final int TYPE_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;
  private static final int MEMBER_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;

  private ApiDump() {}

  /**
   * Dumps the classes under {@code classesDir}, loading them through {@code loader}.
   *
   * @throws ApiGateException if the folder cannot be read or a class cannot be loaded
   */
  static ApiSnapshot dump(Path classesDir, ClassLoader loader) {
    Map<String, ApiSnapshot.Type> types = new TreeMap<>();
    for (String name : classNames(classesDir)) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ApiGateException("Cannot load " + name + " from " + classesDir + " to read its API: " + e, e);
      }
      if (isApi(type)) {
        types.put(type.getName(), new ApiSnapshot.Type(type.getName(), header(type), members(type)));
      }
    }
    return new ApiSnapshot(types);
  }

  private static List<String> classNames(Path classesDir) {
    if (!Files.isDirectory(classesDir)) {
      throw new ApiGateException(classesDir + " does not exist; compile the module before reading its API.");
    }
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> classesDir.relativize(file).toString())
          .filter(file -> !file.endsWith("module-info.class") && !file.endsWith("package-info.class"))
          .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new ApiGateException("Cannot list the classes in " + classesDir + ": " + e.getMessage(), e);
    }
  }

  /** Public (or protected, when nested), not local or anonymous, outside {@code internal}, enclosing types too. */
  static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    if (Arrays.asList(type.getPackageName().split("\\.")).contains("internal")) {
      return false;
    }
    Class<?> outer = type.getDeclaringClass();
    int modifiers = type.getModifiers();
    if (!Modifier.isPublic(modifiers) && !(outer != null && Modifier.isProtected(modifiers))) {
      return false;
    }
    return outer == null || isApi(outer);
  }

  static String header(Class<?> type) {
    int modifiers = type.getModifiers() & TYPE_MODIFIERS;
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isEnum()) {
      kind = "enum";
      modifiers &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
    } else {
      kind = "class";
    }
    StringBuilder header = new StringBuilder();
    String modifierText = Modifier.toString(modifiers);
    if (!modifierText.isEmpty()) {
      header.append(modifierText).append(' ');
    }
    header.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      header.append(" extends ").append(superclass.getTypeName());
    }
    List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(Type::getTypeName).sorted()
        .collect(Collectors.toList());
    if (!interfaces.isEmpty()) {
      header.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    return header.toString();
  }

  static SortedSet<String> members(Class<?> type) {
    SortedSet<String> members = new TreeSet<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor.getModifiers()) && !constructor.isSynthetic() && !type.isEnum()) {
        members.add(modifiers(constructor.getModifiers(), type) + typeParameters(constructor.getTypeParameters())
            + "<init>(" + parameters(constructor) + ")" + exceptions(constructor));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        String modifiers = modifiers(method.getModifiers(), type) + (method.isDefault() ? "default " : "");
        String typeParameters = typeParameters(method.getTypeParameters());
        members.add(modifiers + (typeParameters.isEmpty() ? "" : typeParameters + " ")
            + method.getGenericReturnType().getTypeName() + " " + method.getName() + "(" + parameters(method) + ")"
            + exceptions(method));
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers()) && !field.isSynthetic()) {
        members.add(modifiers(field.getModifiers(), type) + field.getGenericType().getTypeName() + " "
            + field.getName());
      }
    }
    return members;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Member modifiers; in an interface {@code abstract} (and for fields {@code public static final}) goes unsaid. */
  private static String modifiers(int modifiers, Class<?> owner) {
    int shown = modifiers & MEMBER_MODIFIERS;
    if (owner.isInterface()) {
      shown &= ~Modifier.ABSTRACT;
    }
    String text = Modifier.toString(shown);
    return text.isEmpty() ? "" : text + " ";
  }

  private static String parameters(Executable executable) {
    Type[] generic = executable.getGenericParameterTypes();
    // Inner-class constructors and some compiler-generated signatures report no generic types.
    Type[] types = generic.length == executable.getParameterCount() ? generic : executable.getParameterTypes();
    return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
  }

  private static String exceptions(Executable executable) {
    Type[] thrown = executable.getGenericExceptionTypes();
    if (thrown.length == 0) {
      return "";
    }
    return " throws " + Arrays.stream(thrown).map(Type::getTypeName).sorted().collect(Collectors.joining(", "));
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TypeVariable<?> variable : variables) {
      List<String> bounds = Arrays.stream(variable.getBounds()).filter(bound -> bound != Object.class)
          .map(Type::getTypeName).collect(Collectors.toList());
      parts.add(variable.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
    }
    return "<" + String.join(", ", parts) + ">";
  }
}
