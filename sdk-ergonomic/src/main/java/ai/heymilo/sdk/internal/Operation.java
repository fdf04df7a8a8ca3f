package ai.heymilo.sdk.internal;

import java.lang.reflect.Type;

/**
 * What the mechanisms know about one API operation. The generated {@link Operations} holds one per operation and
 * every service hands its operation to the transport with the call, so the retry class, the route in messages and
 * the decoding all come from the spec, never from call-site literals. The transport also tags each request with
 * it ({@code request.tag(Operation.class)}) for the interceptors.
 *
 * @param <B> the decoded body: the envelope (such as {@code SingleResponsePostingResponse}), a free-form map, or the
 *     raw body of a binary response
 */
final class Operation<B> {
  /** How the body is handled. */
  enum Kind {
    /** A {@code {data, meta}} envelope; the services return its data. */
    SINGLE,
    /** A {@code {data, pagination}} envelope of a list the services page through. */
    PAGE,
    /** A {@code {data, pagination}} envelope answered in one piece (the operation takes no cursor). */
    ITEMS,
    /** Any other JSON body, returned as decoded. */
    PLAIN,
    /** A non-JSON body, handed over undecoded for the caller to read or stream. */
    BINARY
  }

  /** The position in {@link Operations#ALL}, for per-client caches. */
  final int index;
  /** The spec's operationId, as shortened by the codegen view: {@code getPosting}. */
  final String id;
  /** {@code GET /api/v2/postings/{posting_id}}. */
  final String route;
  /** The SDK call that runs it: {@code postings().get}. */
  final String call;
  /** Whether the request may be sent again after it may have reached the server. */
  final boolean idempotent;
  final Kind kind;
  /** The type the JSON library decodes the body into (unused for {@link Kind#BINARY}). */
  final Type responseType;

  Operation(int index, String id, String route, String call, boolean idempotent, Kind kind, Type responseType) {
    this.index = index;
    this.id = id;
    this.route = route;
    this.call = call;
    this.idempotent = idempotent;
    this.kind = kind;
    this.responseType = responseType;
  }

  @Override
  public String toString() {
    return id + " (" + route + ")";
  }
}
