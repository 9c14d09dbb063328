/**
 * A Kafka Connect source connector that runs a pagewalk spec: {@link
 * dev.pagewalk.kafka.PagewalkSourceConnector} and its task. A spec is one stream with one walk; its
 * source partition is {@code {stream, walk}} and its source offset the walk's checkpoint.
 */
package dev.pagewalk.kafka;
