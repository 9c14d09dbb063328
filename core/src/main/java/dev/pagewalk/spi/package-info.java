/**
 * The transport SPI (API): a {@link dev.pagewalk.spi.Transport} sends one {@link
 * dev.pagewalk.spi.HttpRequest} to exactly its URI and returns the response's status, {@link
 * dev.pagewalk.spi.Headers} and body as they arrived; a response broken in a way the JDK has no
 * exception type for is a {@link dev.pagewalk.spi.BrokenResponseException}. Redirects, the network
 * guard, deadlines, size caps and credential stripping are the engine's, above any transport; the
 * default transport (Apache HttpClient 5) is the engine's too ({@code dev.pagewalk.http}).
 *
 * <p>Depends on: nothing else in pagewalk.
 */
package dev.pagewalk.spi;
