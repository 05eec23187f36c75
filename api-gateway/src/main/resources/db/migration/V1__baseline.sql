-- Baseline of this service's schema.
-- Delivery over Kafka is at least once, so consumers remember which events they already applied.
CREATE TABLE processed_event (
    event_id     VARCHAR(255) PRIMARY KEY,
    topic        VARCHAR(255) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
