package io.quargo.appcontroller.storage;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Ids of Kafka events and operations already applied ({@code processed_event}), so a redelivered
 * message (delivery is at least once) has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

  /** Whether {@code eventId} was recorded. */
  @Transactional
  public boolean seen(String eventId) {
    return ((Number)
                Panache.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                    .setParameter(1, eventId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** Records {@code eventId} from {@code topic}; true when it was new. */
  @Transactional
  public boolean record(String eventId, String topic) {
    return Panache.getEntityManager()
            .createNativeQuery(
                "INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2)"
                    + " ON CONFLICT (event_id) DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, topic)
            .executeUpdate()
        == 1;
  }
}
