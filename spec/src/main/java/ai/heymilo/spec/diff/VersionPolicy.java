package ai.heymilo.spec.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The version policy: while the version is 0.x a breaking change (Java source or binary, or on the wire) bumps the
 * minor version and any other change the patch version; from 1.0 on a breaking change bumps the major version and
 * any other change the minor version.
 */
final class VersionPolicy {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private VersionPolicy() {}

  /** The smallest version the next release may carry after {@code baseline}. */
  static String next(String baseline, boolean breaking) {
    int[] v = parse(baseline, "the baseline version");
    if (v[0] == 0) {
      return breaking ? "0." + (v[1] + 1) + ".0" : "0." + v[1] + "." + (v[2] + 1);
    }
    return breaking ? (v[0] + 1) + ".0.0" : v[0] + "." + (v[1] + 1) + ".0";
  }

  /** Why {@code release} is not allowed after {@code baseline}, or null if it is. */
  static @Nullable String violation(String baseline, String release, boolean breaking) {
    String next = next(baseline, breaking);
    int[] minimum = parse(next, "the next version");
    int[] proposed = parse(release, "the release version");
    for (int i = 0; i < 3; i++) {
      if (proposed[i] != minimum[i]) {
        return proposed[i] > minimum[i] ? null : "Release " + release + " is too small a step after " + baseline
            + ": it must be at least " + next + (breaking
                ? minimum[0] == 0 ? " (breaking changes; while 0.x a breaking change bumps the minor version)"
                    : " (breaking changes bump the major version)"
                : "") + ".";
      }
    }
    return null;
  }

  private static int[] parse(String version, String what) {
    Matcher matcher = VERSION.matcher(version);
    if (!matcher.matches()) {
      throw new SpecChangeException(
          "Cannot read " + what + " '" + version + "': expected MAJOR.MINOR.PATCH, e.g. 0.2.0.");
    }
    return new int[] {
      Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))
    };
  }
}
