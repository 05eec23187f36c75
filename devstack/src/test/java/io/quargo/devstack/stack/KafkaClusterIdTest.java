package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

  @Test
  void clusterIdsAre22UrlSafeCharactersAndNeverLookLikeAnOption() {
    // about one random id in 64 would start with '-'; 2000 ids make missing the rule near-certain
    for (int i = 0; i < 2000; i++) {
      assertThat(KafkaBroker.clusterId()).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
    }
  }
}
