package io.quargo.common.events;

import java.time.OffsetDateTime;

/**
 * The CloudEvents attributes of a binary-mode Kafka record ({@code ce_*} headers and {@code
 * content-type}), as read by {@link CloudEvents#read(org.apache.kafka.common.header.Headers)}.
 *
 * @param time null when the producer set no {@code ce_time}
 */
public record CloudEventHeaders(
    String specVersion,
    String id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    String dataContentType) {}
