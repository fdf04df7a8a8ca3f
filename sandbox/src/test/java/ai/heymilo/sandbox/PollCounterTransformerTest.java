package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.HeyMiloClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code iv_after{N}_…} ids under concurrent polls: counted exactly and per id. */
class PollCounterTransformerTest {
  @Test
  void concurrentPolls_ofOneId_seeExactlyNMinusOneNotReady_andOtherIdsCountAlone() {
    int polls = 300;
    int completesAt = 50;
    String shared = SandboxData.interviewCompletingAfter(completesAt, "shared");
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.clientBuilder().maxConcurrentRequests(32).build()) {
      List<CompletableFuture<InterviewDataResponse>> sharedPolls = new ArrayList<>();
      List<CompletableFuture<InterviewDataResponse>> ownPolls = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < polls; i++) {
        sharedPolls.add(client.async().interviews().getData(shared));
        ownPolls.add(client.async().interviews().getData(SandboxData.interviewCompletingAfter(2, "own" + i)));
      }
      CompletableFuture.allOf(sharedPolls.toArray(new CompletableFuture<?>[0])).join();
      CompletableFuture.allOf(ownPolls.toArray(new CompletableFuture<?>[0])).join();
      long millis = (System.nanoTime() - start) / 1_000_000;

      long notReady = sharedPolls.stream().filter(f -> f.join().getStatus().equals("not_ready")).count();
      assertEquals(completesAt - 1, notReady);
      for (int i = 0; i < polls; i++) {
        assertEquals("not_ready", ownPolls.get(i).join().getStatus(), "the first poll of its own id");
        assertEquals(SandboxData.interviewCompletingAfter(2, "own" + i), ownPolls.get(i).join().getInterviewId());
      }
      System.out.println("PollCounterTransformerTest: " + (2 * polls) + " concurrent polls in " + millis + " ms");
    }
  }
}
