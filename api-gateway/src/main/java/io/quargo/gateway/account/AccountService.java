package io.quargo.gateway.account;

import io.quargo.common.problem.ProblemException;
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

  private static final Logger LOG = Logger.getLogger(AccountService.class);
  private static final int BCRYPT_COST = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  // a hash that no password matches, checked for unknown names so timing does not tell them apart
  private static final String NO_MATCH = BCrypt.hashpw("no such account", BCrypt.gensalt(4));

  private final GatewayConfig config;

  public AccountService(GatewayConfig config) {
    this.config = config;
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

  /** Whether {@code name} may log in with {@code password}; 401 naming the reason if not. */
  @Transactional
  public void checkLogin(String name, String password) {
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
  }

  /**
   * Sets {@code name}'s password after checking {@code currentPassword} of {@code caller} (Argo CD
   * asks for the caller's own password also when changing someone else's).
   */
  @Transactional
  public void changePassword(
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
    target.passwordHash = BCrypt.hashpw(newPassword, BCrypt.gensalt(BCRYPT_COST));
    target.passwordMtime = Instant.now();
  }

  /** Every account, as Argo CD's {@code GET /api/v1/account} lists them. */
  @Transactional
  public List<AccountView> list() {
    List<AccountView> out = new ArrayList<>();
    for (Account a : Account.<Account>listAll()) {
      out.add(new AccountView(a.name, enabled(a), List.of("login"), List.of()));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** Whether {@code name} exists. */
  @Transactional
  public boolean exists(String name) {
    return Account.findById(name) != null;
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
      String name, boolean enabled, List<String> capabilities, List<Object> tokens) {}

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
