/**
 * Spec evolution: the change report against the release baseline ({@link ai.heymilo.spec.diff.SpecChangesStep}),
 * the API surface snapshot tests read instead of pinned counts ({@link ai.heymilo.spec.diff.SpecSurface}) and the
 * generated part of CHANGELOG.md ({@link ai.heymilo.spec.diff.Changelog}).
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package ai.heymilo.spec.diff;

import org.jspecify.annotations.NullMarked;
