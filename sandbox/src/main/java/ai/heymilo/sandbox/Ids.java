package ai.heymilo.sandbox;

import java.util.Random;
import java.util.function.Predicate;

/**
 * New ids in the API's own formats: postings and questions {@code 13D77095} (8 hex digits), interviews
 * {@code D536A69A4090E13F} (16), webhooks 32 hex digits, candidates {@code cand_def456}, ingestion jobs
 * {@code intake_abc123}, workflow steps {@code agent_vi_3f9a1c}. Thread-safe ({@link Random} is).
 */
final class Ids {
  private static final String HEX = "0123456789ABCDEF";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random;

  Ids(Random random) {
    this.random = random;
  }

  String posting(Predicate<String> taken) {
    return unique(() -> hex(8), taken);
  }

  String question(Predicate<String> taken) {
    return unique(() -> hex(8), taken);
  }

  String interview(Predicate<String> taken) {
    return unique(() -> hex(16), taken);
  }

  String webhook(Predicate<String> taken) {
    return unique(() -> hex(32), taken);
  }

  String candidate() {
    return "cand_" + lower(6);
  }

  String ingestion() {
    return "intake_" + lower(6);
  }

  /** {@code agent_vi_3f9a1c}: the step type's abbreviation, as the API's step ids have it. */
  String workflowStep(String type) {
    String abbreviation;
    switch (type) {
      case "web_interview":
        abbreviation = "vi";
        break;
      case "resume":
        abbreviation = "rs";
        break;
      case "form":
        abbreviation = "fm";
        break;
      case "conversational_sms":
        abbreviation = "sm";
        break;
      default:
        abbreviation = "st";
        break;
    }
    return "agent_" + abbreviation + "_" + hex(6).toLowerCase(java.util.Locale.ROOT);
  }

  private String unique(java.util.function.Supplier<String> next, Predicate<String> taken) {
    String id = next.get();
    while (taken.test(id)) {
      id = next.get();
    }
    return id;
  }

  private String hex(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(HEX.charAt(random.nextInt(HEX.length())));
    }
    return id.toString();
  }

  private String lower(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(LOWER.charAt(random.nextInt(LOWER.length())));
    }
    return id.toString();
  }
}
