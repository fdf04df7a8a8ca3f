package ai.heymilo.benchmarks;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.client.HeyMiloMoshi;
import ai.heymilo.model.SingleResponseInterviewDataResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Benchmark 2, decoding: the {@link LargeInterview} body (about 1 MB, 50 scorecard questions, 5,000
 * transcript entries) decoded from the same bytes in memory.
 *
 * <ul>
 *   <li>{@link #gson} and {@link #moshi}: exactly what the SDK runs per response — the Retrofit converter of
 *       {@code JsonLibrary.GSON} ({@code GsonConverterFactory(HeyMiloGson)}) or {@code JsonLibrary.MOSHI}
 *       ({@code MoshiConverterFactory(HeyMiloMoshi)}) on a {@link ResponseBody}, into the generated
 *       {@code SingleResponseInterviewDataResponse} models;
 *   <li>{@link #jacksonTree} (baseline): {@code ObjectMapper.readTree(byte[])} of the same bytes.
 * </ul>
 *
 * MB/s is the body size divided by the time per operation; the report converts. {@link #interleaved}
 * decodes with all three in turn within each operation and times each (see {@link PairedTimes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");

  private byte[] body;
  private Converter<ResponseBody, SingleResponseInterviewDataResponse> gson;
  private Converter<ResponseBody, SingleResponseInterviewDataResponse> moshi;
  private ObjectMapper jackson;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void prepare() throws IOException {
    body = LargeInterview.json();
    Retrofit retrofit = new Retrofit.Builder().baseUrl("http://127.0.0.1/").build();
    Annotation[] none = new Annotation[0];
    gson = (Converter<ResponseBody, SingleResponseInterviewDataResponse>) GsonConverterFactory.create(HeyMiloGson.create())
        .responseBodyConverter(SingleResponseInterviewDataResponse.class, none, retrofit);
    moshi = (Converter<ResponseBody, SingleResponseInterviewDataResponse>) MoshiConverterFactory.create(HeyMiloMoshi.create())
        .responseBodyConverter(SingleResponseInterviewDataResponse.class, none, retrofit);
    jackson = new ObjectMapper();
    // Both libraries must read the same model before anything is timed.
    if (!gson().equals(moshi())) {
      throw new IllegalStateException("Gson and Moshi decode the large interview differently");
    }
    int entries = gson().getData().getWebInterview().getScorecard().stream().mapToInt(q -> q.getTranscript().size()).sum();
    if (entries != LargeInterview.QUESTIONS * LargeInterview.ENTRIES_PER_QUESTION) {
      throw new IllegalStateException("decoded " + entries + " transcript entries");
    }
    System.out.println("# body: " + body.length + " bytes");
  }

  @Benchmark
  public SingleResponseInterviewDataResponse gson() throws IOException {
    return gson.convert(ResponseBody.create(body, JSON));
  }

  @Benchmark
  public SingleResponseInterviewDataResponse moshi() throws IOException {
    return moshi.convert(ResponseBody.create(body, JSON));
  }

  @Benchmark
  public JsonNode jacksonTree() throws IOException {
    return jackson.readTree(body);
  }

  /** Per-iteration sums for {@link #interleaved}: wall and CPU nanoseconds of each library, and the rounds. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Paired {
    public long rounds;
    public long gsonNanos;
    public long gsonCpuNanos;
    public long moshiNanos;
    public long moshiCpuNanos;
    public long jacksonTreeNanos;
    public long jacksonTreeCpuNanos;
    private final long[] gson = new long[2];
    private final long[] moshi = new long[2];
    private final long[] jackson = new long[2];

    @Setup(Level.Iteration)
    public void clear() {
      rounds = 0;
      java.util.Arrays.fill(gson, 0);
      java.util.Arrays.fill(moshi, 0);
      java.util.Arrays.fill(jackson, 0);
      publish();
    }

    void publish() {
      gsonNanos = gson[0];
      gsonCpuNanos = gson[1];
      moshiNanos = moshi[0];
      moshiCpuNanos = moshi[1];
      jacksonTreeNanos = jackson[0];
      jacksonTreeCpuNanos = jackson[1];
    }
  }

  @Benchmark
  public void interleaved(Paired paired, Blackhole blackhole) throws Exception {
    int first = (int) (paired.rounds++ % 3);
    for (int k = 0; k < 3; k++) {
      switch ((first + k) % 3) {
        case 0:
          blackhole.consume(PairedTimes.time(this::gson, paired.gson));
          break;
        case 1:
          blackhole.consume(PairedTimes.time(this::moshi, paired.moshi));
          break;
        default:
          blackhole.consume(PairedTimes.time(this::jacksonTree, paired.jackson));
          break;
      }
    }
    paired.publish();
  }
}
