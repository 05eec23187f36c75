package io.quargo.gateway.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.PasswordChanges;
import io.quargo.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Local accounts: creates {@code admin} with a random password at first start (written only to the
 * configured file, never logged), checks logins and changes passwords.
 */
@ApplicationScoped
public class AccountService {

  /** The built-in account. */
  public static final String ADMIN = "admin";

  /** The capability to log in with a password (Argo CD's {@code login}). */
  public static final String LOGIN = "login";

  /** The capability to have API tokens (Argo CD's {@code apiKey}). */
  public static final String API_KEY = "apiKey";

  private static final Logger LOG = Logger.getLogger(AccountService.class);
  private static final int BCRYPT_COST = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  // a hash that no password matches, checked for unknown names so timing does not tell them apart
  private static final String NO_MATCH = BCrypt.hashpw("no such account", BCrypt.gensalt(4));

  private final GatewayConfig config;
  private final PasswordChanges passwordChanges;

  public AccountService(GatewayConfig config, PasswordChanges passwordChanges) {
    this.config = config;
    this.passwordChanges = passwordChanges;
  }

  void onStart(@Observes StartupEvent event) {
    String password =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  for (String name : config.accounts().keySet()) {
                    if (Account.findById(name) == null) {
                      Account account = new Account();
                      account.name = name;
                      account.persist();
                    }
                  }
                  if (Account.findById(ADMIN) != null) {
                    return null;
                  }
                  String generated = generatePassword();
                  Account admin = new Account();
                  admin.name = ADMIN;
                  admin.passwordHash = BCrypt.hashpw(generated, BCrypt.gensalt(BCRYPT_COST));
                  admin.passwordMtime = Instant.now();
                  admin.persist();
                  return generated;
                });
    if (password != null) {
      config
          .admin()
          .initialPasswordFile()
          .ifPresentOrElse(
              file -> writeSecret(file, password),
              () ->
                  LOG.info(
                      "created account admin with a generated password; set"
                          + " quargo.gateway.admin.initial-password-file to receive it"));
    }
  }

  /**
   * Whether {@code name} may log in with {@code password}; 401 naming the reason if not. Answers
   * when the password last changed (null if never), before which no session of it is honoured.
   */
  @Transactional
  public Instant checkLogin(String name, String password) {
    Account account = name == null ? null : Account.findById(name);
    String hash = account != null && account.passwordHash != null ? account.passwordHash : NO_MATCH;
    boolean matches = password != null && BCrypt.checkpw(password, hash);
    if (account == null || !matches) {
      throw new ProblemException(401, "Invalid username or password");
    }
    if (!enabled(account)) {
      throw new ProblemException(
          401, "account " + name + " is disabled; an admin can enable it in the configuration");
    }
    if (!capabilities(name).contains(LOGIN)) {
      throw new ProblemException(
          401,
          "account "
              + name
              + " does not have the login capability (it has only API tokens); an admin can add"
              + " login to its capabilities in the configuration");
    }
    return account.passwordMtime;
  }

  /**
   * Sets {@code name}'s password after checking {@code currentPassword} of {@code caller} (Argo CD
   * asks for the caller's own password also when changing someone else's). Every session of {@code
   * name} issued until now is refused from then on, on every replica (its API tokens stay), unless
   * the new password is the current one.
   */
  public void changePassword(
      String caller, String name, String currentPassword, String newPassword) {
    Instant changed =
        QuarkusTransaction.requiringNew()
            .call(() -> storePassword(caller, name, currentPassword, newPassword));
    if (changed != null) {
      passwordChanges.changed(name, changed);
    }
  }

  private Instant storePassword(
      String caller, String name, String currentPassword, String newPassword) {
    Account self = Account.findById(caller);
    if (self == null
        || self.passwordHash == null
        || currentPassword == null
        || !BCrypt.checkpw(currentPassword, self.passwordHash)) {
      throw ProblemException.invalid(
          "currentPassword", "is not " + caller + "'s current password; give the current one");
    }
    if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 72) {
      throw ProblemException.invalid("newPassword", "must have 8 to 72 characters");
    }
    Account target = Account.findById(name);
    if (target == null) {
      throw ProblemException.notFound("account " + name);
    }
    if (target.passwordHash != null && BCrypt.checkpw(newPassword, target.passwordHash)) {
      // the same password again is no change: its sessions stay (Argo CD would end them)
      return null;
    }
    target.passwordHash = BCrypt.hashpw(newPassword, BCrypt.gensalt(BCRYPT_COST));
    // later than every session issued so far, also one whose iat a login in the second of the
    // previous change moved forward to the next second (see PasswordChanges)
    Instant sessionsSoFar =
        Instant.ofEpochSecond(PasswordChanges.sessionsValidFrom(target.passwordMtime));
    Instant now = Instant.now();
    target.passwordMtime = now.isAfter(sessionsSoFar) ? now : sessionsSoFar;
    return target.passwordMtime;
  }

  /** Every account, as Argo CD's {@code GET /api/v1/account} lists them. */
  @Transactional
  public List<AccountView> list() {
    List<AccountView> out = new ArrayList<>();
    for (Account a : Account.<Account>listAll()) {
      out.add(view(a));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** One account with its tokens, newest first; 404 if there is no such account. */
  @Transactional
  public AccountView get(String name) {
    Account account = Account.findById(name);
    if (account == null) {
      throw ProblemException.notFound("account " + name);
    }
    return view(account);
  }

  /** Whether {@code name} exists. */
  @Transactional
  public boolean exists(String name) {
    return Account.findById(name) != null;
  }

  /**
   * Whether {@code name} exists, is enabled and has the {@code apiKey} capability: what its API
   * tokens need to be honoured.
   */
  @Transactional
  public boolean mayUseApiKeys(String name) {
    Account account = Account.findById(name);
    return account != null && enabled(account) && capabilities(name).contains(API_KEY);
  }

  /**
   * The capabilities configured for {@code name} ({@code login}, {@code apiKey}; others are
   * ignored, as Argo CD does); none for an account no longer configured.
   */
  public List<String> capabilities(String name) {
    List<String> configured =
        name.equals(ADMIN)
            ? config.admin().capabilities()
            : config.accounts().containsKey(name)
                ? config.accounts().get(name).capabilities()
                : List.of();
    return configured.stream()
        .map(String::strip)
        .filter(c -> c.equals(LOGIN) || c.equals(API_KEY))
        .distinct()
        .toList();
  }

  private AccountView view(Account account) {
    List<TokenView> tokens =
        AccountToken.<AccountToken>list("accountName", account.name).stream()
            .map(TokenView::of)
            .sorted(Comparator.comparingLong(TokenView::issuedAt).reversed())
            .toList();
    return new AccountView(account.name, enabled(account), capabilities(account.name), tokens);
  }

  private boolean enabled(Account account) {
    boolean configured =
        account.name.equals(ADMIN)
            ? config.admin().enabled()
            : config.accounts().containsKey(account.name)
                && config.accounts().get(account.name).enabled();
    return account.enabled && configured;
  }

  /** An account as listed: name, enabled, capabilities, tokens. */
  public record AccountView(
      String name, boolean enabled, List<String> capabilities, List<TokenView> tokens) {}

  /**
   * An account's token as Argo CD shows it: id, {@code issuedAt} and {@code expiresAt} in epoch
   * seconds ({@code expiresAt} absent when it never expires).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TokenView(String id, long issuedAt, Long expiresAt) {
    static TokenView of(AccountToken t) {
      return new TokenView(
          t.id,
          t.issuedAt.getEpochSecond(),
          t.expiresAt == null ? null : t.expiresAt.getEpochSecond());
    }
  }

  static String generatePassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void writeSecret(Path file, String secret) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(
          file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.infof("created account admin; its initial password is in %s", file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the initial admin password to "
              + file
              + " (quargo.gateway.admin.initial-password-file); make its directory writable",
          e);
    }
  }
}
