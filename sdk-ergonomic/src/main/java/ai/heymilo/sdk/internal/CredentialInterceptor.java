package ai.heymilo.sdk.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds the credentials and workspace header — but only to requests for the configured API origin.
 *
 * <p>Installed as a <em>network</em> interceptor so it sees every hop of a redirect: the voice
 * preview answers with a 302 to an audio host, and OkHttp would carry {@code X-API-KEY} along (it
 * strips only {@code Authorization} across hosts). Here credential headers are removed from any
 * request that leaves the origin and set on those that target it. A redirect to another host whose URL itself carries
 * the credential (a server that echoed the key into a {@code Location}) is not followed at all.
 */
final class CredentialInterceptor implements Interceptor {
  static final String API_KEY_HEADER = "X-API-KEY";
  static final String AUTHORIZATION_HEADER = "Authorization";
  static final String WORKSPACE_HEADER = "X-Workspace-Id";

  private final HttpUrl origin;
  private final @Nullable String apiKey;
  private final @Nullable String bearerToken;
  private final @Nullable String workspaceId;
  private final Redactor redactor;

  CredentialInterceptor(HttpUrl origin, @Nullable String apiKey, @Nullable String bearerToken, @Nullable String workspaceId,
      Redactor redactor) {
    this.origin = origin;
    this.apiKey = apiKey;
    this.bearerToken = bearerToken;
    this.workspaceId = workspaceId;
    this.redactor = redactor;
  }

  /** A request the SDK refused to send because it would hand the credential to another host; never retried. */
  static final class RefusedRedirect extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedRedirect(String message) {
      super(message);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder()
        .removeHeader(API_KEY_HEADER)
        .removeHeader(AUTHORIZATION_HEADER)
        .removeHeader(WORKSPACE_HEADER);
    if (!sameOrigin(request.url()) && redactor.reveals(request.url().toString())) {
      throw new RefusedRedirect("refused to follow a redirect to " + request.url().host() + ": its URL "
          + redactor.redact(request.url().encodedPath()) + "… carries the client's credential");
    }
    if (sameOrigin(request.url())) {
      if (apiKey != null) {
        builder.header(API_KEY_HEADER, apiKey);
      }
      if (bearerToken != null) {
        builder.header(AUTHORIZATION_HEADER, "Bearer " + bearerToken);
      }
      if (workspaceId != null) {
        builder.header(WORKSPACE_HEADER, workspaceId);
      }
    }
    return chain.proceed(builder.build());
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equalsIgnoreCase(origin.host()) && url.port() == origin.port();
  }
}
