/**
 * Secrets at rest: {@link io.quargo.appcontroller.crypto.SecretBox} seals cluster credentials and
 * repository passwords with AES-256-GCM before they reach PostgreSQL; {@link
 * io.quargo.appcontroller.crypto.SecretKeys} loads the key from {@code quargo.secrets.key} or a
 * generated key file, and refuses to start with a malformed one.
 */
package io.quargo.appcontroller.crypto;
