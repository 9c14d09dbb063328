/**
 * HTTP below the engine, above the transport SPI ({@code dev.pagewalk.spi}): the Apache HttpClient
 * 5 transport, the read response, the network guard, deadlines and size caps, redirects, URL
 * building, body encoding and the streaming decoders. Not exported.
 *
 * <p>Depends on: the transport SPI; internally on {@code json} (how numbers are read and written).
 */
package dev.pagewalk.http;
