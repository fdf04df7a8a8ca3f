package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property names as the Moshi adapter matches them — against the declared names without decoding
 * them to strings ({@code JsonReader.selectName}) — give the same models as Gson's lookup by name.
 */
class ModelJsonAdapterFactoryTest {
  @ParameterizedTest
  @EnumSource(Library.class)
  void declaredNames_matchedExactly_evenEscaped_othersKeptInOrder(Library library) {
    String json = "{\"extra\": {\"n\": 1}, \"spe\\u0061ker\": \"Sarah\", \"text\": null, \"timestamp\": 1.5,"
        + " \"timestamp_strx\": \"a\", \"timestamp_str\": \"00:01\", \"Text\": \"case matters\"}";

    TranscriptEntry entry = JsonRoundTrip.decode(library, json, TranscriptEntry.class);

    assertEquals("Sarah", entry.getSpeaker());
    assertNull(entry.getText());
    assertTrue(entry.isExplicitNull("text"));
    assertEquals(1.5, entry.getTimestamp());
    assertEquals("00:01", entry.getTimestampStr());
    assertEquals(List.of("extra", "timestamp_strx", "Text"), List.copyOf(entry.getAdditionalProperties().keySet()));
    assertEquals(Map.of("n", 1L), entry.getAdditionalProperty("extra"));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void nestedModelsAndLists_decodeThroughTheSameAdapters(Library library) {
    String json = "{\"question_id\": \"Q1\", \"transcript\": [{\"speaker\": \"Sarah\", \"unknown\": true}, {\"text\": \"hi\"}],"
        + " \"score\": 4}";

    ScorecardQuestion question = JsonRoundTrip.decode(library, json, ScorecardQuestion.class);

    assertEquals("Q1", question.getQuestionId());
    assertEquals(2, question.getTranscript().size());
    assertEquals(Map.of("unknown", true), question.getTranscript().get(0).getAdditionalProperties());
    assertEquals("hi", question.getTranscript().get(1).getText());
    assertEquals(JsonRoundTrip.decode(Library.GSON, json, ScorecardQuestion.class), question);
  }
}
