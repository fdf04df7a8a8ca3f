package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary of the public API: public types never expose {@code ai.heymilo.sdk.internal} in a signature, users
 * cannot construct services, and the internal package exposes only the few types {@code ai.heymilo.sdk} must reach.
 */
class PublicApiTest {
  private static final String INTERNAL = "ai.heymilo.sdk.internal";

  @Test
  void publicTypes_neverExposeInternalTypes() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : sdkClasses()) {
      if (!isApi(type)) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (isApi(method.getModifiers()) && !method.isSynthetic()) {
          check(type, method, method.getGenericReturnType(), leaks);
          checkParameters(type, method, leaks);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isApi(constructor.getModifiers())) {
          checkParameters(type, constructor, leaks);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isApi(field.getModifiers())) {
          check(type, field, field.getGenericType(), leaks);
        }
      }
      if (type.getGenericSuperclass() != null && isApi(type.getSuperclass())) {
        check(type, type, type.getGenericSuperclass(), leaks);
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void services_areInterfacesUsersCannotConstruct() throws Exception {
    List<Class<?>> resources = sdkClasses().stream().filter(type -> type.getPackageName().equals("ai.heymilo.sdk.resources"))
        .collect(Collectors.toList());
    assertTrue(resources.size() >= 36, "a blocking and an asynchronous service per resource: " + resources.size());
    for (Class<?> type : resources) {
      assertTrue(type.isInterface(), type + " is an interface");
    }
  }

  @Test
  void internalPackage_exposesOnlyWhatThePublicPackageMustReach() throws Exception {
    Set<String> publicInternal = sdkClasses().stream()
        .filter(type -> type.getPackageName().equals(INTERNAL) && Modifier.isPublic(type.getModifiers()) && !type.isMemberClass())
        .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("ClientRuntime", "ClientSettings", "HeaderMaps", "Services"), publicInternal);
    for (Class<?> type : sdkClasses()) {
      if (type.getPackageName().equals(INTERNAL) && !type.getSimpleName().equals("ClientSettings")) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
          assertTrue(!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers()),
              type.getName() + " has a public constructor");
        }
      }
    }
  }

  private static void checkParameters(Class<?> owner, Executable executable, List<String> leaks) {
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(owner, executable, parameter, leaks);
    }
  }

  private static void check(Class<?> owner, Object member, Type type, List<String> leaks) {
    if (type instanceof Class) {
      Class<?> raw = (Class<?>) type;
      while (raw.isArray()) {
        raw = raw.getComponentType();
      }
      if (raw.getPackageName().equals(INTERNAL)) {
        leaks.add(owner.getName() + ": " + member + " exposes " + raw.getName());
      }
    } else if (type instanceof ParameterizedType) {
      check(owner, member, ((ParameterizedType) type).getRawType(), leaks);
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        check(owner, member, argument, leaks);
      }
    } else if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        check(owner, member, bound, leaks);
      }
      for (Type bound : ((WildcardType) type).getLowerBounds()) {
        check(owner, member, bound, leaks);
      }
    } else if (type instanceof GenericArrayType) {
      check(owner, member, ((GenericArrayType) type).getGenericComponentType(), leaks);
    }
  }

  private static boolean isApi(Class<?> type) {
    if (type.getPackageName().equals(INTERNAL) || !Modifier.isPublic(type.getModifiers())) {
      return false;
    }
    return type.getEnclosingClass() == null || isApi(type.getEnclosingClass());
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Every class compiled into heymilo-sdk (main output), hand-written and generated. */
  private static List<Class<?>> sdkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(HeyMiloClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
        classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
            PublicApiTest.class.getClassLoader()));
      }
    }
    return classes;
  }
}
