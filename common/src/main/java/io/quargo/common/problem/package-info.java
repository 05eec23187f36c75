/**
 * RFC 7807 errors for every Quargo REST API.
 *
 * <p>Service code throws {@link io.quargo.common.problem.ProblemException} (status, detail, field
 * errors); the {@code @Provider} mappers here turn it, JAX-RS errors, Jackson body errors and
 * {@link io.quargo.common.yaml.ManifestParseException} into {@code application/problem+json}
 * responses, and anything else into a 500 without internals. Quarkus REST discovers the mappers
 * through common's Jandex index ({@code META-INF/jandex.idx}), so a service registers nothing.
 *
 * <p>Precedence (JAX-RS picks the mapper of the nearest exception type): {@code
 * MismatchedInputException} (unknown field, wrong type) → {@link
 * io.quargo.common.problem.MismatchedInputExceptionMapper}, which shadows Quarkus's built-in one
 * for the same type; other {@code JsonProcessingException} → {@link
 * io.quargo.common.problem.JsonProcessingExceptionMapper}; malformed JSON, which Quarkus REST wraps
 * in a 400 {@code WebApplicationException} → {@link
 * io.quargo.common.problem.WebApplicationExceptionMapper}; {@code Exception} → {@link
 * io.quargo.common.problem.UnhandledExceptionMapper}.
 */
package io.quargo.common.problem;
