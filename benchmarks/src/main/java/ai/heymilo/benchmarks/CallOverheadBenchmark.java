package ai.heymilo.benchmarks;

import ai.heymilo.api.InterviewsApi;
import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.SingleResponseInterviewDataResponse;
import ai.heymilo.sdk.HeyMiloClient;
import com.google.gson.Gson;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Benchmark 1, per-call overhead: one {@code GET /api/v2/interviews/{id}/data} against a loopback
 * {@link LoopbackServer} that answers the sandbox's recorded 200 (15 KB), three ways over one and the same
 * {@link OkHttpClient} (connection pool and dispatcher):
 *
 * <ul>
 *   <li>{@link #ergonomic}: {@code client.interviews().getData(id)} — the SDK with its interceptors,
 *       transport, retry policy, envelope unwrapping and raw-response view;
 *   <li>{@link #rawRetrofit} (baseline): the generated {@code InterviewsApi.getInterviewData(id)} through a bare
 *       Retrofit with {@code GsonConverterFactory(HeyMiloGson)} and an interceptor that adds the API key;
 *   <li>{@link #plainOkHttpGson} (baseline): an OkHttp request with the key header, the body decoded by
 *       {@code HeyMiloGson} into the same envelope type.
 * </ul>
 *
 * Each returns the decoded {@link InterviewDataResponse}, so all three do the same decoding work.
 * {@link #ergonomicAsync} and {@link #rawRetrofitAsync} are the same call without blocking —
 * {@code client.async().interviews().getData(id)} and Retrofit's {@code enqueue} — each awaited by the benchmark
 * thread, so both include the hand-over to OkHttp's dispatcher thread and back.
 * {@link #interleaved} runs the three in turn within each operation and times each call (wall and
 * CPU of the calling thread; see {@link PairedTimes}), which pairs them under the same machine load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadBenchmark {
  private static final String API_KEY = "hm_bench_key";
  private static final String INTERVIEW_ID = "D536A69A4090E13F";

  private LoopbackServer server;
  private OkHttpClient okHttp;
  private HeyMiloClient client;
  private InterviewsApi rawApi;
  private Gson gson;
  private Request plainRequest;

  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] recorded = Recorded.interviewData200Response();
    server = LoopbackServer.start((method, target) -> recorded);
    String baseUrl = server.baseUrl();

    okHttp = new OkHttpClient();
    client = HeyMiloClient.builder().apiKey(API_KEY).baseUrl(baseUrl).okHttpClient(okHttp).build();
    gson = HeyMiloGson.create();
    rawApi = new Retrofit.Builder()
        .baseUrl(baseUrl + "/")
        .client(okHttp.newBuilder()
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-API-KEY", API_KEY).build()))
            .build())
        .addConverterFactory(GsonConverterFactory.create(gson))
        .build()
        .create(InterviewsApi.class);
    plainRequest = new Request.Builder()
        .url(baseUrl + "/api/v2/interviews/" + INTERVIEW_ID + "/data")
        .header("X-API-KEY", API_KEY)
        .build();
    // All three must agree before anything is timed.
    String expected = ergonomic().getInterviewId();
    if (!expected.equals(rawRetrofit().getInterviewId()) || !expected.equals(plainOkHttpGson().getInterviewId())
        || !expected.equals(ergonomicAsync().getInterviewId()) || !expected.equals(rawRetrofitAsync().getInterviewId())) {
      throw new IllegalStateException("the three calls decode different interviews");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public InterviewDataResponse ergonomic() {
    return client.interviews().getData(INTERVIEW_ID);
  }

  @Benchmark
  public InterviewDataResponse rawRetrofit() throws IOException {
    retrofit2.Response<SingleResponseInterviewDataResponse> response = rawApi.getInterviewData(INTERVIEW_ID).execute();
    if (!response.isSuccessful() || response.body() == null) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body().getData();
  }

  @Benchmark
  public InterviewDataResponse ergonomicAsync() {
    return client.async().interviews().getData(INTERVIEW_ID).join();
  }

  @Benchmark
  public InterviewDataResponse rawRetrofitAsync() {
    CompletableFuture<InterviewDataResponse> result = new CompletableFuture<>();
    rawApi.getInterviewData(INTERVIEW_ID).enqueue(new Callback<SingleResponseInterviewDataResponse>() {
      @Override
      public void onResponse(Call<SingleResponseInterviewDataResponse> call, retrofit2.Response<SingleResponseInterviewDataResponse> response) {
        if (response.isSuccessful() && response.body() != null) {
          result.complete(response.body().getData());
        } else {
          result.completeExceptionally(new IOException("HTTP " + response.code()));
        }
      }

      @Override
      public void onFailure(Call<SingleResponseInterviewDataResponse> call, Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.join();
  }

  @Benchmark
  public InterviewDataResponse plainOkHttpGson() throws IOException {
    try (Response response = okHttp.newCall(plainRequest).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return gson.fromJson(response.body().charStream(), SingleResponseInterviewDataResponse.class).getData();
    }
  }

  /** Per-iteration sums for {@link #interleaved}: wall and CPU nanoseconds of each variant, and the rounds. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Paired {
    public long rounds;
    public long ergonomicNanos;
    public long ergonomicCpuNanos;
    public long rawRetrofitNanos;
    public long rawRetrofitCpuNanos;
    public long plainOkHttpGsonNanos;
    public long plainOkHttpGsonCpuNanos;
    private final long[] ergonomic = new long[2];
    private final long[] raw = new long[2];
    private final long[] plain = new long[2];

    @Setup(Level.Iteration)
    public void clear() {
      rounds = 0;
      java.util.Arrays.fill(ergonomic, 0);
      java.util.Arrays.fill(raw, 0);
      java.util.Arrays.fill(plain, 0);
      publish();
    }

    void publish() {
      ergonomicNanos = ergonomic[0];
      ergonomicCpuNanos = ergonomic[1];
      rawRetrofitNanos = raw[0];
      rawRetrofitCpuNanos = raw[1];
      plainOkHttpGsonNanos = plain[0];
      plainOkHttpGsonCpuNanos = plain[1];
    }
  }

  @Benchmark
  public void interleaved(Paired paired, Blackhole blackhole) throws Exception {
    int first = (int) (paired.rounds++ % 3);
    for (int k = 0; k < 3; k++) {
      switch ((first + k) % 3) {
        case 0:
          blackhole.consume(PairedTimes.time(this::ergonomic, paired.ergonomic));
          break;
        case 1:
          blackhole.consume(PairedTimes.time(this::rawRetrofit, paired.raw));
          break;
        default:
          blackhole.consume(PairedTimes.time(this::plainOkHttpGson, paired.plain));
          break;
      }
    }
    paired.publish();
  }
}
