package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.google.gson.stream.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body that does not fit fails with one {@link JsonDecodingException} — the same path and the
 * same message with Gson and with Moshi — while a failure of the connection stays the original
 * {@code IOException}.
 */
class JsonDecodingTest {

  /** (what, body, type, message). */
  static Stream<Arguments> misfits() {
    return Stream.of(
        Arguments.of("string for a number", "{\"interview_id\": \"iv_1\", \"score\": \"high\"}", InterviewDataResponse.class,
            "Expected a number but was a string at path $.score"),
        Arguments.of("fraction for an integer", "{\"question_id\": \"q\", \"score_weight\": 2.5}", ScorecardQuestion.class,
            "Expected an integer that fits in 64 bits but was \"2.5\" at path $.score_weight"),
        Arguments.of("integer beyond 64 bits", "{\"score_weight\": 12345678901234567890}", ScorecardQuestion.class,
            "Expected an integer that fits in 64 bits but was \"12345678901234567890\" at path $.score_weight"),
        Arguments.of("number beyond double", "{\"score\": 1e400}", InterviewDataResponse.class,
            "Expected a number within the range of a double but was \"1e400\" at path $.score"),
        Arguments.of("object for a boolean", "{\"not_scored\": {}}", ScorecardQuestion.class,
            "Expected a boolean but was an object at path $.not_scored"),
        Arguments.of("number for an open enum", "{\"response_format\": 3}", QuestionResponse.class,
            "Expected a string but was a number at path $.response_format"),
        Arguments.of("object for a list, nested", "{\"data\": {\"web_interview\": {\"scorecard\": {}}}}",
            SingleResponseInterviewDataResponse.class, "Expected an array but was an object at path $.data.web_interview.scorecard"),
        Arguments.of("wrong item in a list", "{\"web_interview\": {\"scorecard\": [{\"score_weight\": 1}, {\"score_weight\": true}]}}",
            InterviewDataResponse.class, "Expected an integer but was a boolean at path $.web_interview.scorecard[1].score_weight"),
        Arguments.of("array for a model", "{\"data\": []}", SingleResponseInterviewDataResponse.class,
            "Expected an object but was an array at path $.data"),
        Arguments.of("string for a model at the top", "\"iv_1\"", InterviewDataResponse.class,
            "Expected an object but was a string at path $"),
        Arguments.of("free-form number beyond double", "{\"success_details\": {\"list\": [1, 1e400]}}", QueueItemStatus.class,
            "Expected a number within the range of a double but was \"1e400\" at path $.success_details.list[1]"),
        Arguments.of("number for a map value", "{\"metadata\": {\"a\": \"x\", \"b\": 7}}", InterviewDataResponse.class,
            "Expected a string but was a number at path $.metadata.b"),
        Arguments.of("malformed", "{\"data\": {\"interview_id\": \"iv_1\",, \"x\": 1}}", SingleResponseInterviewDataResponse.class,
            "Malformed JSON at path $.data.interview_id"),
        Arguments.of("truncated between values", "{\"data\": {\"interview_id\": \"iv_1\", ", SingleResponseInterviewDataResponse.class,
            "JSON ended before the document was complete (truncated body) at path $.data.interview_id"),
        Arguments.of("truncated in a string", "{\"data\": {\"interview_id\": \"iv_1\", \"sta", SingleResponseInterviewDataResponse.class,
            "Malformed JSON at path $.data.interview_id"));
  }

  static Stream<Arguments> misfitsWithBothLibraries() {
    return misfits().flatMap(misfit -> Stream.of(Library.values()).map(library -> {
      Object[] args = misfit.get();
      return Arguments.of(args[0], library, args[1], args[2], args[3]);
    }));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("misfitsWithBothLibraries")
  void misfit_failsWithOneTypedExceptionNamingPathExpectedAndFound(String what, Library library, String body, Class<?> type,
      String message) {
    JsonDecodingException error = assertThrows(JsonDecodingException.class, () -> JsonRoundTrip.decode(library, body, type));

    assertEquals(message, error.getMessage());
    assertEquals(message.substring(message.lastIndexOf(" at path ") + " at path ".length()), error.path());
  }

  @Test
  void syntaxErrors_keepTheLibrarysReportAsTheCause() {
    String body = "{\"data\": {\"interview_id\": \"iv_1\",, \"x\": 1}}";

    JsonDecodingException gson = assertThrows(JsonDecodingException.class,
        () -> JsonRoundTrip.decode(Library.GSON, body, SingleResponseInterviewDataResponse.class));
    JsonDecodingException moshi = assertThrows(JsonDecodingException.class,
        () -> JsonRoundTrip.decode(Library.MOSHI, body, SingleResponseInterviewDataResponse.class));

    assertEquals("com.google.gson.stream.MalformedJsonException", gson.getCause().getClass().getName());
    assertEquals("com.squareup.moshi.JsonEncodingException", moshi.getCause().getClass().getName());
  }

  /** A connection that delivers the start of a body and then fails. */
  private static final class FailingReader extends Reader {
    private final Reader start;
    private final IOException failure;

    FailingReader(String start, IOException failure) {
      this.start = new StringReader(start);
      this.failure = failure;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = start.read(buffer, offset, length);
      if (read < 0) {
        throw failure;
      }
      return read;
    }

    @Override
    public void close() {}
  }

  private static BufferedSource failingSource(String start, IOException failure) {
    Buffer buffer = new Buffer().writeUtf8(start);
    return Okio.buffer(new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (buffer.size() == 0) {
          throw failure;
        }
        return buffer.read(sink, byteCount);
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    });
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void connectionFailure_isTheOriginalIOException_notADecodingError(Library library) {
    for (IOException failure : new IOException[] {new IOException("connection reset"), new EOFException("unexpected end of stream")}) {
      String start = "{\"data\": {\"interview_id\": \"iv_1\", \"score\": 7";

      IOException thrown = assertThrows(IOException.class, () -> {
        if (library == Library.GSON) {
          JsonRoundTrip.GSON.getAdapter(SingleResponseInterviewDataResponse.class).read(new JsonReader(new FailingReader(start, failure)));
        } else {
          JsonRoundTrip.MOSHI.adapter(SingleResponseInterviewDataResponse.class).fromJson(failingSource(start, failure));
        }
      });

      assertSame(failure, thrown);
    }
  }

  @Test
  void gsonAndMoshi_failIdentically_onEveryMisfit() {
    misfits().forEach(misfit -> {
      Object[] args = misfit.get();
      JsonDecodingException gson = assertThrows(JsonDecodingException.class,
          () -> JsonRoundTrip.decode(Library.GSON, (String) args[1], (Class<?>) args[2]));
      JsonDecodingException moshi = assertThrows(JsonDecodingException.class,
          () -> JsonRoundTrip.decode(Library.MOSHI, (String) args[1], (Class<?>) args[2]));
      assertEquals(gson.getMessage(), moshi.getMessage(), (String) args[0]);
      assertTrue(gson.getMessage().endsWith(" at path " + gson.path()), gson.getMessage());
    });
  }
}
