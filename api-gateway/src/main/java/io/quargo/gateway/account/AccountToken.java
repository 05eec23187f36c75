package io.quargo.gateway.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An API token issued to a local account: its id (the token's {@code jti}) and lifetime. */
@Entity
@Table(name = "account_token")
@IdClass(AccountToken.Key.class)
public class AccountToken extends PanacheEntityBase {

  @Id
  @Column(name = "account_name")
  public String accountName;

  @Id public String id;

  @Column(name = "issued_at")
  public Instant issuedAt;

  /** When the token stops being accepted; null for never. */
  @Column(name = "expires_at")
  public Instant expiresAt;

  /** The primary key: account and token id (ids are unique per account, as in Argo CD). */
  public static class Key implements Serializable {
    public String accountName;
    public String id;

    public Key() {}

    Key(String accountName, String id) {
      this.accountName = accountName;
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(accountName, k.accountName)
          && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountName, id);
    }
  }
}
