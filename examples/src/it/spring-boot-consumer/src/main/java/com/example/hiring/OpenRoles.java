package com.example.hiring;

import ai.heymilo.model.PostingResponse;
import ai.heymilo.sdk.HeyMiloClient;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** A service of the user's that needs HeyMilo: it only asks for the client. */
@Service
public class OpenRoles {
  private final HeyMiloClient heyMilo;

  public OpenRoles(HeyMiloClient heyMilo) {
    this.heyMilo = heyMilo;
  }

  public List<String> titles() {
    return heyMilo.postings().list().stream().map(PostingResponse::getTitle).collect(Collectors.toList());
  }
}
