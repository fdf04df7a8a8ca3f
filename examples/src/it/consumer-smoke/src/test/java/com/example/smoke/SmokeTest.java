package com.example.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a user's project does first with the SDK, built only from the installed artifacts. */
class SmokeTest {
  @Test
  void theMainJob_worksFromTheInstalledArtifacts() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start();
        HeyMiloClient client = HeyMiloClient.builder().apiKey(HeyMiloSandbox.API_KEY).baseUrl(sandbox.baseUrl()).build()) {
      List<String> postings = client.postings().list().stream().map(PostingResponse::getId).collect(Collectors.toList());
      InterviewDataResponse result = client.interviews().awaitData(SandboxData.INTERVIEW_ID,
          WaitOptions.builder().initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(100)).build());

      assertTrue(postings.contains(SandboxData.POSTING_ID), postings.toString());
      assertEquals("completed", result.getStatus());
      assertThrows(NotFoundException.class, () -> client.interviews().getData("missing_iv"));
    }
  }
}
