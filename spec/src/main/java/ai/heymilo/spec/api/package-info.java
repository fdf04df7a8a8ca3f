/**
 * The public-API gate of the published artifacts: {@link ai.heymilo.spec.api.ApiGate} dumps the public and
 * protected signatures of a module's compiled classes, compares them with the committed snapshot and fails the
 * build on an incompatible change that is not acknowledged.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package ai.heymilo.spec.api;

import org.jspecify.annotations.NullMarked;
