/**
 * Ready-made JSON configurations for the generated client: {@link ai.heymilo.client.HeyMiloGson}
 * (the default) and {@link ai.heymilo.client.HeyMiloMoshi} (Moshi is optional).
 */
@NullMarked
package ai.heymilo.client;

import org.jspecify.annotations.NullMarked;
