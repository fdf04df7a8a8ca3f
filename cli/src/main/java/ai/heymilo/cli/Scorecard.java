package ai.heymilo.cli;

import ai.heymilo.model.FormResult;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.ResumeResult;
import ai.heymilo.model.SMSResult;
import ai.heymilo.model.ScorecardQuestion;
import ai.heymilo.model.TranscriptEntry;
import ai.heymilo.model.WebInterviewResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders an interview's results for people: who, how they did overall (or that they were knocked out),
 * per question score and the AI's reasoning, highlights, the recordings, and on request the transcript.
 */
final class Scorecard {
  static final String KNOCKED_OUT = "knocked_out";

  private Scorecard() {}

  /** An overall score for a table cell: the number, "knocked out", or "-" while there is none. */
  static String score(@Nullable String status, @Nullable Number score) {
    if (KNOCKED_OUT.equals(status)) {
      return "knocked out";
    }
    return number(score);
  }

  static void print(InterviewDataResponse data, Console console, boolean transcript) {
    PrintWriter out = console.out;
    int width = console.width();
    out.println(orDash(data.getName()) + (data.getEmail() == null ? "" : " <" + data.getEmail() + ">"));
    out.println("Interview " + orDash(data.getInterviewId()) + " · posting " + orDash(data.getPostingId())
        + " · status " + orDash(data.getStatus()));
    if (data.getWorkflow() != null && data.getWorkflow().getLastActivityAt() != null) {
      out.println(label("Last activity") + console.time(data.getWorkflow().getLastActivityAt()));
    }
    out.println(label("Overall score") + overall(data));
    WebInterviewResult web = data.getWebInterview();
    if (web != null) {
      out.println();
      out.println(label("Web interview") + "match " + number(web.getMatchScore()) + " / 100"
          + (web.getSpeechScore() == null ? "" : " · speech " + number(web.getSpeechScore()) + " / 5"));
      if (web.getVideoRecordingUrl() != null) {
        out.println(label("  Video") + web.getVideoRecordingUrl());
      }
      if (web.getAudioRecordingUrl() != null) {
        out.println(label("  Audio") + web.getAudioRecordingUrl());
      }
      List<ScorecardQuestion> questions = web.getScorecard();
      if (questions != null && !questions.isEmpty()) {
        Table table = new Table("#", "SCORE", "WEIGHT", "QUESTION", "WHY").indent("  ");
        int index = 1;
        for (ScorecardQuestion question : questions) {
          String score = Boolean.TRUE.equals(question.getNotScored()) ? "n/a" : number(question.getScore()) + "/5";
          table.row(question.getRank() != null ? question.getRank() : index, score, question.getScoreWeight(),
              question.getQuestionText(), question.getEvaluationSummary());
          index++;
        }
        table.print(out, width);
      }
      bullets(out, width, "Highlights", web.getHighlights());
      bullets(out, width, "Lowlights", web.getLowlights());
      if (transcript) {
        printTranscript(out, web);
      }
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

  private static String overall(InterviewDataResponse data) {
    if (KNOCKED_OUT.equals(data.getStatus())) {
      return "knocked out — a knockout answer ended the interview" + (data.getScore() == null ? "" : " (score " + number(data.getScore()) + ")");
    }
    if (data.getScore() != null) {
      return number(data.getScore()) + " / 100";
    }
    return "not_ready".equals(data.getStatus()) || "evaluating".equals(data.getStatus()) ? "not scored yet" : "none";
  }

  /** The whole conversation, then each question's own part if the API sends it per question. */
  private static void printTranscript(PrintWriter out, WebInterviewResult web) {
    List<TranscriptEntry> entries = web.getTranscript();
    out.println();
    out.println("  Transcript:");
    if (entries == null || entries.isEmpty()) {
      out.println("    (none yet)");
      return;
    }
    for (TranscriptEntry entry : entries) {
      out.println("    [" + orDash(entry.getTimestampStr()) + "] " + orDash(entry.getSpeaker()) + ": " + orDash(entry.getText()));
    }
  }

  static String metadataLine(Map<String, String> metadata) {
    StringBuilder line = new StringBuilder();
    metadata.forEach((key, value) -> line.append(line.length() == 0 ? "" : ", ").append(key).append('=').append(value));
    return line.length() == 0 ? "(none)" : line.toString();
  }

  private static void bullets(PrintWriter out, int width, String title, @Nullable List<String> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (String item : items) {
      out.println("    • " + Table.cut(Table.oneLine(item), width > 6 ? width - 6 : 0));
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
