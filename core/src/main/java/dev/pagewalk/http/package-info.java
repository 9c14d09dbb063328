/**
 * HTTP below the engine: the request and response values, the {@code Transport} a platform may plug
 * in and the Apache HttpClient 5 one, the network guard, deadlines and size caps, redirects, URL
 * building, body encoding and the streaming decoders. Not exported.
 *
 * <p>{@code Transport}, {@code HttpRequest} and {@code HttpResponse} are the transport SPI; once
 * the SPI has its one-hop form they move into an exported package of their own ({@code
 * dev.pagewalk.spi}), and this package stays the implementation.
 *
 * <p>Depends on: nothing else in pagewalk.
 */
package dev.pagewalk.http;
