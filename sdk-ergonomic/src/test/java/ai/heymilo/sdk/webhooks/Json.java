package ai.heymilo.sdk.webhooks;

import java.nio.charset.StandardCharsets;

/** Test bodies written with single quotes for readability (no text blocks on --release 11). */
final class Json {
  static final String REPORT = json("{'event_type':'report_available','posting_id':'13D77095','interview_id':'iv_1'}");

  private Json() {}

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String event(String type, String interviewId) {
    return json("{'event_type':'" + type + "','posting_id':'13D77095','interview_id':'" + interviewId + "'}");
  }
}
