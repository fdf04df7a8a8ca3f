package ai.heymilo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MainJobTest {
  @Test
  void mainJob_endsWithTheFinalResults() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.client()) {
      InterviewDataResponse results = MainJob.run(client,
          WaitOptions.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(50)).build());

      assertEquals("completed", results.getStatus());
    }
  }
}
