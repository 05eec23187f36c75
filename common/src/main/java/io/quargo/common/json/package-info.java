/** The shared Jackson configuration ({@link io.quargo.common.json.Json}). */
package io.quargo.common.json;
