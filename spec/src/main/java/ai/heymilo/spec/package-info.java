/**
 * The spec pipeline: loads the bundled OpenAPI 3.1 documents, merges them into one faithful spec, and derives the
 * codegen view the client is generated from.
 *
 * <p>{@link ai.heymilo.spec.SpecPipeline} is the build step; {@link ai.heymilo.spec.SpecLoader} and
 * {@link ai.heymilo.spec.SpecMerger} are the testable core. Every failure is a
 * {@link ai.heymilo.spec.SpecMergeException} whose message alone says what to fix.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package ai.heymilo.spec;

import org.jspecify.annotations.NullMarked;
