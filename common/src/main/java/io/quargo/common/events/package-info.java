/**
 * Event contracts: one record per event on Quargo's Kafka topics, defined once here and shared by
 * every service.
 *
 * <ul>
 *   <li>{@link io.quargo.common.events.Topics} names the topics; {@link
 *       io.quargo.common.events.EventTypes} lists every event class and its CloudEvents type.
 *   <li>Every record implements {@link io.quargo.common.events.QuargoEvent}: its {@code ceType()}
 *       follows {@code io.quargo.<domain>.<event>.v1}, its {@code key()} is {@code namespace/name}
 *       (the repo URL for repo events).
 *   <li>{@link io.quargo.common.events.CloudEvents} wraps a record as a binary-mode CloudEvent (a
 *       SmallRye {@code Message} or a plain {@code ProducerRecord}) and reads the {@code ce_*}
 *       headers back; {@code io.quargo.common.events.kafka} has the Kafka (de)serializers.
 *   <li>Values use Argo's vocabulary ({@code Synced}, {@code OutOfSync}, {@code Healthy}, {@code
 *       Running}...), from the enums in {@link io.quargo.common.model}.
 * </ul>
 *
 * <p>Evolving a contract: add optional (nullable) fields freely, readers ignore what they do not
 * know; rename or retype a field only with a new record and a {@code .v2} type. {@code
 * EventJsonRoundTripTest} pins every field name, so a rename fails the build.
 */
package io.quargo.common.events;
