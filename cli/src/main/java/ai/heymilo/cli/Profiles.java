package ai.heymilo.cli;

import ai.heymilo.sdk.errors.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Named settings in {@code ~/.config/heymilo/config.toml} (or {@code $XDG_CONFIG_HOME/heymilo/},
 * or the file {@code $HEYMILO_CONFIG} names), one table per profile:
 *
 * <pre>
 * [default]
 * api_key_file = "~/.config/heymilo/key"   # or api_key_env = "MY_VAR", or api_key = "…"
 * base_url = "https://api.heymilo.ai"
 * workspace_id = "ws_123"
 * </pre>
 *
 * A small TOML subset: tables, {@code key = "string"} (or {@code 'literal'}), comments. Unknown keys fail,
 * naming the line, so that a typo does not silently send requests elsewhere.
 */
final class Profiles {
  static final List<String> KEYS = List.of("api_key", "api_key_file", "api_key_env", "base_url", "workspace_id");

  private Profiles() {}

  /** What the command runs with: the key (never printed), base URL and workspace, each possibly absent. */
  static final class Settings {
    final @Nullable String apiKey;
    final @Nullable String baseUrl;
    final @Nullable String workspaceId;

    Settings(@Nullable String apiKey, @Nullable String baseUrl, @Nullable String workspaceId) {
      this.apiKey = apiKey;
      this.baseUrl = baseUrl;
      this.workspaceId = workspaceId;
    }

    @Override
    public String toString() {
      return "Settings{apiKey=" + (apiKey == null ? "unset" : "****") + ", baseUrl=" + baseUrl + ", workspaceId=" + workspaceId + "}";
    }
  }

  /**
   * The settings for this run. The environment ({@code HEYMILO_API_KEY}, {@code HEYMILO_BASE_URL},
   * {@code HEYMILO_WORKSPACE_ID}) overrides the {@code default} profile; a profile chosen by name
   * ({@code --profile} or {@code $HEYMILO_PROFILE}) overrides the environment.
   */
  static Settings resolve(Map<String, String> environment, @Nullable String chosen) {
    String name = chosen != null ? chosen : blankToNull(environment.get("HEYMILO_PROFILE"));
    Path file = file(environment);
    Map<String, Map<String, String>> profiles = read(file, name != null);
    Map<String, String> profile;
    if (name != null) {
      profile = profiles.get(name);
      if (profile == null) {
        throw new UsageException("no profile '" + name + "' in " + file
            + (profiles.isEmpty() ? " (no profiles there)" : "; profiles there: " + String.join(", ", profiles.keySet())));
      }
    } else {
      profile = profiles.getOrDefault("default", Map.of());
    }
    boolean profileFirst = name != null;
    String key = pick(profileFirst, profileKey(profile, environment, file), blankToNull(environment.get("HEYMILO_API_KEY")));
    String baseUrl = pick(profileFirst, profile.get("base_url"), blankToNull(environment.get("HEYMILO_BASE_URL")));
    String workspace = pick(profileFirst, profile.get("workspace_id"), blankToNull(environment.get("HEYMILO_WORKSPACE_ID")));
    return new Settings(key, baseUrl, workspace);
  }

  private static @Nullable String pick(boolean profileFirst, @Nullable String fromProfile, @Nullable String fromEnvironment) {
    return profileFirst ? (fromProfile != null ? fromProfile : fromEnvironment) : (fromEnvironment != null ? fromEnvironment : fromProfile);
  }

  private static @Nullable String profileKey(Map<String, String> profile, Map<String, String> environment, Path config) {
    String variable = profile.get("api_key_env");
    if (variable != null) {
      String key = blankToNull(environment.get(variable));
      if (key == null) {
        throw new ConfigurationException("the profile's api_key_env names $" + variable + ", which is not set (" + config + ")");
      }
      return key;
    }
    String keyFile = profile.get("api_key_file");
    if (keyFile != null) {
      Path path = home(keyFile, environment);
      try {
        String key = Files.readString(path).strip();
        if (key.isEmpty()) {
          throw new ConfigurationException("the API key file " + path + " is empty (" + config + ")");
        }
        return key;
      } catch (NoSuchFileException e) {
        throw new ConfigurationException("cannot read the API key file " + path + ": no such file (" + config + ")");
      } catch (IOException e) {
        throw new ConfigurationException("cannot read the API key file " + path + ": " + e.getMessage() + " (" + config + ")");
      }
    }
    return profile.get("api_key");
  }

  static Path file(Map<String, String> environment) {
    String explicit = blankToNull(environment.get("HEYMILO_CONFIG"));
    if (explicit != null) {
      return home(explicit, environment);
    }
    String xdg = blankToNull(environment.get("XDG_CONFIG_HOME"));
    Path base = xdg != null ? Paths.get(xdg) : Paths.get(homeDirectory(environment), ".config");
    return base.resolve("heymilo").resolve("config.toml");
  }

  private static String homeDirectory(Map<String, String> environment) {
    String home = blankToNull(environment.get("HOME"));
    return home != null ? home : System.getProperty("user.home");
  }

  private static Path home(String path, Map<String, String> environment) {
    return path.startsWith("~/") ? Paths.get(homeDirectory(environment), path.substring(2)) : Paths.get(path);
  }

  /** The file's profiles; no file is no profiles (unless one was asked for, which then names the file). */
  static Map<String, Map<String, String>> read(Path file, boolean required) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return profiles;
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> current = null;
    for (int number = 1; number <= lines.size(); number++) {
      String line = stripComment(lines.get(number - 1)).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = unquote(line.substring(1, line.length() - 1).strip(), file, number);
        current = profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new ConfigurationException(file + " line " + number + ": expected [profile] or key = \"value\"");
      }
      String key = line.substring(0, equals).strip();
      if (!KEYS.contains(key)) {
        throw new ConfigurationException(file + " line " + number + ": unknown key '" + key + "'; known keys: " + String.join(", ", KEYS));
      }
      if (current == null) {
        throw new ConfigurationException(file + " line " + number + ": '" + key + "' comes before any [profile] table");
      }
      current.put(key, unquote(line.substring(equals + 1).strip(), file, number));
    }
    return profiles;
  }

  /** Drops a {@code #} comment that is outside quotes. */
  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String value, Path file, int number) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < value.length() - 1; i++) {
        char c = value.charAt(i);
        if (c == '\\' && i + 1 < value.length() - 1) {
          char next = value.charAt(++i);
          out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    if (!value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
      return value;
    }
    throw new ConfigurationException(file + " line " + number + ": expected a quoted string, such as \"" + value + "\"");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
