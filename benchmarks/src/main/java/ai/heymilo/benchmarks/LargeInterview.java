package ai.heymilo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A large but realistic {@code getInterviewData} body: the recorded 200, its web interview's scorecard
 * grown to {@value #QUESTIONS} questions of {@value #ENTRIES_PER_QUESTION} transcript entries each
 * (5,000 entries), built from the recorded questions and turns. Compact JSON, about 1 MB; deterministic.
 */
final class LargeInterview {
  static final int QUESTIONS = 50;
  static final int ENTRIES_PER_QUESTION = 100;

  private LargeInterview() {}

  static byte[] json() {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(Recorded.INTERVIEW_DATA_200);
      ObjectNode webInterview = (ObjectNode) root.path("data").path("web_interview");
      ArrayNode recordedQuestions = (ArrayNode) webInterview.path("scorecard");
      List<JsonNode> turns = new ArrayList<>();
      for (JsonNode question : recordedQuestions) {
        question.path("transcript").forEach(turns::add);
      }
      ArrayNode scorecard = mapper.createArrayNode();
      int turn = 0;
      for (int q = 0; q < QUESTIONS; q++) {
        ObjectNode question = recordedQuestions.get(q % recordedQuestions.size()).deepCopy();
        question.put("question_id", String.format("Q%07d", q));
        question.put("rank", q + 1);
        ArrayNode transcript = question.putArray("transcript");
        for (int e = 0; e < ENTRIES_PER_QUESTION; e++, turn++) {
          ObjectNode entry = turns.get(turn % turns.size()).deepCopy();
          double seconds = 30.0 + turn * 4.5;
          entry.put("timestamp", seconds);
          entry.put("timestamp_str", String.format("%02d:%02d", (int) seconds / 60 % 100, (int) seconds % 60));
          transcript.add(entry);
        }
        scorecard.add(question);
      }
      webInterview.set("scorecard", scorecard);
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    System.out.println(json().length + " bytes");
  }
}
