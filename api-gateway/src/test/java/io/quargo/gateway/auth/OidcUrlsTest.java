package io.quargo.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The return URL a login may go back to, and the provider logout URL a logout names. */
class OidcUrlsTest {

  @Test
  void onlyPathsOnTheGatewayAreKeptAsReturnUrl() {
    assertThat(OidcUrls.safeReturnUrl("/#/applications/guestbook"))
        .isEqualTo("/#/applications/guestbook");
    assertThat(OidcUrls.safeReturnUrl("/applications?proj=a")).isEqualTo("/applications?proj=a");
    for (String elsewhere :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example",
          "/\\evil.example",
          "\\\\evil.example",
          "javascript:alert(1)",
          "/ok\r\nLocation: https://evil.example",
          "applications"
        }) {
      assertThat(OidcUrls.safeReturnUrl(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/");
    }
  }

  @Test
  void aLogoutUrlTemplateGetsTheTokenAndTheGatewayUrl() {
    Optional<String> url =
        OidcUrls.providerLogout(
            Optional.of(
                "https://idp.example/oauth2/v1/logout?id_token_hint={{token}}"
                    + "&post_logout_redirect_uri={{logoutRedirectURL}}"),
            "https://idp.example/end-session",
            "aaa.bbb.ccc",
            "https://quargo.example.com",
            "quargo");
    assertThat(url)
        .contains(
            "https://idp.example/oauth2/v1/logout?id_token_hint=aaa.bbb.ccc"
                + "&post_logout_redirect_uri=https%3A%2F%2Fquargo.example.com");
  }

  @Test
  void withoutATemplateTheEndSessionEndpointIsUsedElseThereIsNone() {
    assertThat(
            OidcUrls.providerLogout(
                Optional.empty(),
                "https://idp.example/end-session?tenant=a",
                "aaa.bbb.ccc",
                "http://localhost:8080",
                "quargo"))
        .contains(
            "https://idp.example/end-session?tenant=a&id_token_hint=aaa.bbb.ccc"
                + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8080&client_id=quargo");
    assertThat(
            OidcUrls.providerLogout(
                Optional.of(" "), null, "aaa.bbb.ccc", "http://localhost:8080", "quargo"))
        .isEmpty();
  }
}
