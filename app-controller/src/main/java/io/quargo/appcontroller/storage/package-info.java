/**
 * What the stored kinds share: the document row ({@link
 * io.quargo.appcontroller.storage.StoredDocument}, {@link
 * io.quargo.appcontroller.storage.Documents}), label selectors and the ids of Kafka events and
 * operations already applied ({@link io.quargo.appcontroller.storage.ProcessedEvents}, table {@code
 * processed_event}).
 */
package io.quargo.appcontroller.storage;
