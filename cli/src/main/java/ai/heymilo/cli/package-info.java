/** The {@code heymilo} command-line tool, built on the HeyMilo SDK only. */
@NullMarked
package ai.heymilo.cli;

import org.jspecify.annotations.NullMarked;
