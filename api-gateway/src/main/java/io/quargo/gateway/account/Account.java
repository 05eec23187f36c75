package io.quargo.gateway.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local account: its name, bcrypt password hash (none until one is set) and whether enabled. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

  @Id public String name;

  @Column(name = "password_hash")
  public String passwordHash;

  public boolean enabled = true;

  @Column(name = "password_mtime")
  public Instant passwordMtime;
}
