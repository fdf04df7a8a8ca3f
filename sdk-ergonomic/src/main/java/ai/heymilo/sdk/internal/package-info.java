/**
 * The SDK's machinery — transport with retries, error mapping, interceptors, waiter, pager,
 * validation. Not API: classes here are public only so that the resources can use them, and may
 * change in any release.
 */
@NullMarked
package ai.heymilo.sdk.internal;

import org.jspecify.annotations.NullMarked;
