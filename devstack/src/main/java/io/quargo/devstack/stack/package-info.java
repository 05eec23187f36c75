/**
 * The one-command local stack behind {@code ./quargo up|down|status|logs}.
 *
 * <p>{@code up} ({@link io.quargo.devstack.stack.Supervisor}) checks every port first and starts
 * nothing when one is taken; then starts, each waited for: PostgreSQL (embedded, data in {@code
 * .quargo/postgres}, database/user/password {@code quargo}, port 5432 or the next free one; or
 * {@code QUARGO_DB_URL}/{@code _USER}/{@code _PASSWORD}), Kafka as its own JVM (KRaft, data in
 * {@code .quargo/kafka}), the sandbox cluster in-process (a SIMULATION; {@code .quargo/kubeconfig})
 * or the user's {@code KUBECONFIG}, the Git server with {@code demo.git}, and every service as its
 * own JVM with {@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARGO_DB_*}, {@code KUBECONFIG} and {@code
 * QUARKUS_HTTP_PORT}. Every process is recorded in {@code .quargo/state.json} with its command
 * line; {@code down} signals the supervisor, which stops services, Kafka, Git, PostgreSQL and the
 * sandbox in that order, and then stops recorded leftovers only while they still run their recorded
 * command. Logs: {@code .quargo/logs/<part>.log}.
 *
 * <p>Ports: {@code QUARGO_<PART>_PORT} (e.g. {@code QUARGO_KAFKA_PORT}, {@code
 * QUARGO_API_GATEWAY_PORT}) or {@code --port part=N}; {@code QUARGO_READY_TIMEOUT} (seconds) bounds
 * each wait.
 */
package io.quargo.devstack.stack;
