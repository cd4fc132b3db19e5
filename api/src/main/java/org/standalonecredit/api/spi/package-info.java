/**
 * The provider SPI: a {@link org.standalonecredit.api.spi.CreditProvider} found with {@link java.util.ServiceLoader}, its declared
 * {@link org.standalonecredit.api.spi.ProviderCapabilities}, the {@link org.standalonecredit.api.spi.ProviderContext} it builds a gateway from, and the
 * {@link org.standalonecredit.api.spi.ProviderRegistry} that turns configuration into a gateway. Providers build on the provider kit
 * ({@code org.standalonecredit.kit}); see {@code docs/PROVIDER-GUIDE.md}.
 */
package org.standalonecredit.api.spi;
