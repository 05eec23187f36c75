package io.quargo.gateway.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session ended by logout, refused until it expires. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken extends PanacheEntityBase {

  @Id public String jti;

  @Column(name = "expires_at")
  public Instant expiresAt;
}
