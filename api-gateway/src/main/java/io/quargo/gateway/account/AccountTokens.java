package io.quargo.gateway.account;

import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.auth.PasswordChanges;
import io.quargo.gateway.auth.TokenService;
import io.quargo.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local accounts' API tokens, as Argo CD's {@code argocd account generate-token}: a JWT with
 * subject {@code <name>:apiKey} and {@code jti} = the token's id, honoured only while its row is in
 * {@code account_token} and the account is enabled and has the {@code apiKey} capability, so
 * deleting it refuses it at once (as a project role token is honoured only while listed).
 */
@ApplicationScoped
public class AccountTokens {

  /** What follows the account name in an API token's subject, as in Argo CD. */
  public static final String SUBJECT_SUFFIX = ":" + AccountService.API_KEY;

  /** The longest lifetime a token may ask for; {@code expiresIn} 0 gets it too ("never"). */
  static final Duration NEVER = Duration.ofDays(36500);

  private final AccountService accounts;
  private final TokenService tokens;
  // "<name>\0<id>" of tokens found stored for an account that may use them, with when (nanoTime)
  // that was checked; a deleted token leaves, and each is checked again after recheckNanos, so a
  // token deleted through another gateway replica is refused here within that interval too
  private final Map<String, Long> honoured = new ConcurrentHashMap<>();
  private final long recheckNanos;

  public AccountTokens(AccountService accounts, TokenService tokens, GatewayConfig config) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.recheckNanos = config.session().revocationRefresh().toNanos();
  }

  /**
   * Issues a token for {@code name} valid {@code expiresIn} seconds (0: never) under {@code id}
   * (null: a new UUID), and stores it. 404 for no such account, 400 without {@code apiKey}, 409 for
   * an id the account already has.
   */
  public String create(String name, long expiresIn, String id) {
    if (!accounts.exists(name)) {
      throw ProblemException.notFound("account " + name);
    }
    if (!accounts.capabilities(name).contains(AccountService.API_KEY)) {
      throw ProblemException.badRequest(
          "account "
              + name
              + " does not have the apiKey capability; an admin can add it to"
              + " quargo.gateway.accounts."
              + name
              + ".capabilities (accounts."
              + name
              + ": apiKey, login in argocd-cm)");
    }
    String tokenId = id != null ? id : UUID.randomUUID().toString();
    // a token made in the second of a password change counts as after it (token times are seconds)
    Instant now =
        Instant.ofEpochSecond(
            Math.max(
                Instant.now().getEpochSecond(),
                PasswordChanges.sessionsValidFrom(passwordChanged(name))));
    Instant expires = expiresIn == 0 ? null : now.plusSeconds(expiresIn);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (AccountToken.findById(new AccountToken.Key(name, tokenId)) != null) {
                throw ProblemException.conflict(
                    "account " + name + " already has a token with id '" + tokenId + "'");
              }
              AccountToken row = new AccountToken();
              row.accountName = name;
              row.id = tokenId;
              row.issuedAt = now;
              row.expiresAt = expires;
              row.persist();
            });
    return tokens.issue(
        name + SUBJECT_SUFFIX, tokenId, now, expires != null ? expires : now.plus(NEVER));
  }

  private static Instant passwordChanged(String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Account.<Account>findByIdOptional(name)
                    .map(account -> account.passwordMtime)
                    .orElse(null));
  }

  /** Deletes {@code name}'s token {@code id}: it is refused from now on. 404 if there is none. */
  public void delete(String name, String id) {
    boolean deleted;
    synchronized (honoured) {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(() -> AccountToken.deleteById(new AccountToken.Key(name, id)));
      honoured.remove(key(name, id));
    }
    if (!deleted) {
      throw ProblemException.notFound("token '" + id + "' of account " + name);
    }
  }

  /**
   * The caller of a token the gateway signed, as the authentication filter hands it over: an API
   * token ({@code <name>:apiKey}) becomes the account {@code name} if the token is still stored and
   * the account may use it, and nothing otherwise (401); any other caller stays as it is.
   */
  public Optional<Caller> admit(Caller caller) {
    String subject = caller.subject();
    if (!subject.endsWith(SUBJECT_SUFFIX) || caller.projectRole().isPresent()) {
      return Optional.of(caller);
    }
    String name = subject.substring(0, subject.length() - SUBJECT_SUFFIX.length());
    String key = key(name, caller.tokenId());
    Long checkedAt = honoured.get(key);
    boolean fresh = checkedAt != null && System.nanoTime() - checkedAt < recheckNanos;
    if (!fresh && !admitStored(name, caller.tokenId(), key)) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(
            name,
            caller.groups(),
            caller.tokenId(),
            caller.issuedAt(),
            caller.expiresAt(),
            caller.issuer()));
  }

  /**
   * Whether {@code name}'s token {@code id} is stored and the account may use it; remembered if so.
   * A token's first use on this replica; under the lock {@link #delete} takes, so a token deleted
   * meanwhile is not remembered after its removal.
   */
  private boolean admitStored(String name, String id, String key) {
    if (id == null) {
      return false;
    }
    synchronized (honoured) {
      boolean stored =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      AccountToken.findById(new AccountToken.Key(name, id)) != null
                          && accounts.mayUseApiKeys(name));
      if (stored) {
        honoured.put(key, System.nanoTime());
      } else {
        honoured.remove(key);
      }
      return stored;
    }
  }

  private static String key(String name, String id) {
    return name + "\0" + id;
  }
}
