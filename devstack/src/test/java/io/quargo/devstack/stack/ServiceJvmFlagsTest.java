package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each service JVM starts small and quick unless QUARGO_SERVICE_JVM_FLAGS says otherwise. */
class ServiceJvmFlagsTest {

  @Test
  void withoutTheVariableServicesStartWithASmallHeapAndQuickJit() {
    assertThat(ServiceFleet.jvmFlags(Map.of()))
        .containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    assertThat(ServiceFleet.jvmFlags(Map.of("QUARGO_SERVICE_JVM_FLAGS", "  ")))
        .isEqualTo(ServiceFleet.JVM_FLAGS);
  }

  @Test
  void theVariableReplacesTheFlagsWordByWord() {
    assertThat(ServiceFleet.jvmFlags(Map.of("QUARGO_SERVICE_JVM_FLAGS", " -Xmx1g  -XX:+UseG1GC ")))
        .containsExactly("-Xmx1g", "-XX:+UseG1GC");
  }
}
