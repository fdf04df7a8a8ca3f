package ai.heymilo.cli;

import ai.heymilo.model.FormResult;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.ResumeResult;
import ai.heymilo.model.SMSResult;
import ai.heymilo.model.ScorecardQuestion;
import ai.heymilo.model.WebInterviewResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders an interview's results for people: who, how they did overall, and per step. */
final class Scorecard {
  private Scorecard() {}

  static void print(InterviewDataResponse data, PrintWriter out) {
    out.println(orDash(data.getName()) + (data.getEmail() == null ? "" : " <" + data.getEmail() + ">"));
    out.println("Interview " + orDash(data.getInterviewId()) + " · posting " + orDash(data.getPostingId())
        + " · status " + orDash(data.getStatus()));
    out.println(label("Overall score") + (data.getScore() == null ? "not scored yet" : number(data.getScore()) + " / 100"));
    WebInterviewResult web = data.getWebInterview();
    if (web != null) {
      out.println();
      out.println(label("Web interview") + "match " + number(web.getMatchScore())
          + (web.getSpeechScore() == null ? "" : " · speech " + number(web.getSpeechScore()) + " / 5"));
      List<ScorecardQuestion> questions = web.getScorecard();
      if (questions != null && !questions.isEmpty()) {
        Table table = new Table("#", "SCORE", "WEIGHT", "QUESTION").indent("  ");
        int index = 1;
        for (ScorecardQuestion question : questions) {
          String score = Boolean.TRUE.equals(question.getNotScored()) ? "n/a" : number(question.getScore()) + "/5";
          table.row(index++, score, question.getScoreWeight(), question.getQuestionText());
        }
        table.print(out);
      }
      bullets(out, "Highlights", web.getHighlights());
      bullets(out, "Lowlights", web.getLowlights());
    }
    ResumeResult resume = data.getResume();
    if (resume != null) {
      out.println(label("Resume") + verdict(resume.getIsEligible()) + (resume.getOverallScore() == null ? "" : " · score " + number(resume.getOverallScore())));
    }
    SMSResult sms = data.getSms();
    if (sms != null) {
      out.println(label("SMS screening") + verdict(sms.getIsEligible())
          + (sms.getConfidence() == null ? "" : " · confidence " + number(sms.getConfidence())));
    }
    FormResult form = data.getForm();
    if (form != null) {
      out.println(label("Form") + orDash(form.getOverallStatus()));
    }
    Map<String, String> metadata = data.getMetadata();
    if (metadata != null && !metadata.isEmpty()) {
      out.println(label("Metadata") + metadataLine(metadata));
    }
    out.flush();
  }

  static String metadataLine(Map<String, String> metadata) {
    StringBuilder line = new StringBuilder();
    metadata.forEach((key, value) -> line.append(line.length() == 0 ? "" : ", ").append(key).append('=').append(value));
    return line.length() == 0 ? "(none)" : line.toString();
  }

  private static void bullets(PrintWriter out, String title, @Nullable List<String> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (String item : items) {
      out.println("    • " + Table.oneLine(item));
    }
  }

  private static String verdict(@Nullable Boolean eligible) {
    return eligible == null ? "no verdict" : eligible ? "eligible" : "not eligible";
  }

  private static String label(String text) {
    return String.format(Locale.ROOT, "%-16s", text);
  }

  static String number(@Nullable Number value) {
    if (value == null) {
      return "-";
    }
    double d = value.doubleValue();
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  static String orDash(@Nullable Object value) {
    return value == null ? "-" : String.valueOf(value);
  }
}
