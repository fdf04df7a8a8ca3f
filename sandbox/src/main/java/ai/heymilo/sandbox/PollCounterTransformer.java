package ai.heymilo.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the data of an interview id {@code iv_after{N}_{anything}} with {@code not_ready} for
 * its first N-1 polls and {@code completed} from the N-th on, counted per id.
 *
 * <p>Used by the one mapping that matches those ids: its body file is the completed answer, the
 * transformer parameter {@value #PENDING_BODY_PARAMETER} names the pending one, and both use the
 * placeholder id {@value #TEMPLATE_INTERVIEW_ID}, replaced here by the id asked for. Counting is a
 * lock-free increment on a per-id counter and the two bodies are read once, so concurrent polls
 * never wait on each other.
 */
final class PollCounterTransformer implements ResponseDefinitionTransformerV2 {
  /** The name a mapping lists in {@code response.transformers}. */
  static final String NAME = "heymilo-poll-counter";
  /** The transformer parameter naming the body file of a poll that is not yet complete. */
  static final String PENDING_BODY_PARAMETER = "pendingBodyFileName";
  /** The interview id the two body files use in place of the id asked for. */
  static final String TEMPLATE_INTERVIEW_ID = "iv_after2_template";

  private static final Pattern DATA_PATH = Pattern.compile("/api/v2/interviews/(iv_after(\\d{1,9})_[^/]*)/data");

  private final FileSource bodyFiles;
  private final ConcurrentHashMap<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> bodies = new ConcurrentHashMap<>();

  /** @param bodyFiles the {@code __files} folder of the recordings */
  PollCounterTransformer(FileSource bodyFiles) {
    this.bodyFiles = bodyFiles;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ResponseDefinition definition = serveEvent.getResponseDefinition();
    String url = serveEvent.getRequest().getUrl();
    int query = url.indexOf('?');
    Matcher matcher = DATA_PATH.matcher(query < 0 ? url : url.substring(0, query));
    String completedFile = definition.getBodyFileName();
    if (!matcher.matches() || completedFile == null) {
      return definition; // Not a poll of an iv_after id: the mapping answers as recorded.
    }
    String interviewId = matcher.group(1);
    int completesAt = Integer.parseInt(matcher.group(2));
    int poll = polls.computeIfAbsent(interviewId, id -> new AtomicInteger()).incrementAndGet();
    Parameters parameters = definition.getTransformerParameters();
    String pendingFile = parameters == null ? null : parameters.getString(PENDING_BODY_PARAMETER, null);
    String file = poll >= completesAt || pendingFile == null ? completedFile : pendingFile;
    String body = bodies.computeIfAbsent(file, name -> bodyFiles.getTextFileNamed(name).readContentsAsString());
    return ResponseDefinitionBuilder.like(definition)
        .withBodyFile(null)
        .withBody(body.replace(TEMPLATE_INTERVIEW_ID, JsonStrings.escape(interviewId)))
        .build();
  }

  /** Forgets every id's poll count. */
  void reset() {
    polls.clear();
  }
}
