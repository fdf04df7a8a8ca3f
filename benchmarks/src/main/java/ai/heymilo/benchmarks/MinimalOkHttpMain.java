package ai.heymilo.benchmarks;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The cold-start baseline: the least a Java program needs to fetch one interview — a plain OkHttp call
 * printing the body. Run with only OkHttp, Okio and the Kotlin standard library on the class path.
 */
public final class MinimalOkHttpMain {
  private MinimalOkHttpMain() {}

  public static void main(String[] args) throws IOException {
    OkHttpClient client = new OkHttpClient();
    Request request = new Request.Builder().url(args[0]).header("X-API-KEY", args[1]).build();
    try (Response response = client.newCall(request).execute()) {
      System.out.println(response.body().string());
      if (!response.isSuccessful()) {
        System.exit(1);
      }
    }
    System.exit(0);
  }
}
