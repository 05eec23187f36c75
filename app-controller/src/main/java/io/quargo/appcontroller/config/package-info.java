/**
 * app-controller's settings ({@link io.quargo.appcontroller.config.ControllerConfig}, keys {@code
 * quargo.repo-server.*}, {@code quargo.reconcile.*}, {@code quargo.sync.*}) and the beans for the
 * in-cluster destination (cluster access, tracked objects, health, the sync engine).
 */
package io.quargo.appcontroller.config;
