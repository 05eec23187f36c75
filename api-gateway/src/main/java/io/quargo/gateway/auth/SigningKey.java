package io.quargo.gateway.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The RSA key pair that signs the gateway's tokens, PEM-encoded. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "private_pem")
  public String privatePem;

  @Column(name = "public_pem")
  public String publicPem;
}
