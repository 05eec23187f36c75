/**
 * Kafka in and out. In, as consumer group {@code app-controller} (replicas share the partitions):
 * {@code quargo.app.commands} ({@link io.quargo.appcontroller.messaging.AppCommandConsumer}:
 * refresh, sync, rollback, delete through {@link
 * io.quargo.appcontroller.messaging.AppCommandHandler}, which the REST API calls too) and {@code
 * quargo.repo.revisions} ({@link io.quargo.appcontroller.messaging.RepoRevisionConsumer}). Each
 * operation id and event id is applied once ({@code processed_event}); a message that cannot be
 * read or executed goes to {@code <topic>.dlq} (SmallRye's dead-letter-queue strategy). Out: {@code
 * quargo.app.events} ({@link io.quargo.appcontroller.messaging.AppEventPublisher}) when an app's
 * sync status, health or operation phase changes.
 */
package io.quargo.appcontroller.messaging;
