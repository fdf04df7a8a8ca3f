/**
 * The HeyMilo API's request and response models, generated from the spec at build time, and the
 * few hand-written types they share.
 *
 * <p>Every model extends {@link ai.heymilo.model.ApiObject}: a mutable bean with fluent setters
 * that sends only what the caller set, keeps JSON properties this SDK version does not know, and
 * remembers explicit nulls so that an update can clear a field. Enumerations are open
 * ({@link ai.heymilo.model.ApiEnum}): a value added by the server later decodes instead of failing.
 *
 * <p>Models decode and encode with Gson (annotated {@code @JsonAdapter}, so any {@code Gson}
 * instance works) and with Moshi once {@link ai.heymilo.model.ModelJsonAdapterFactory} is added —
 * one JSON core behind both, so the results and the {@link ai.heymilo.model.JsonDecodingException}
 * for a body that does not fit are the same. {@link ai.heymilo.model.ApiObject#violations()} lists
 * the spec's rules a request does not meet before it is sent.
 */
@NullMarked
package ai.heymilo.model;

import org.jspecify.annotations.NullMarked;
