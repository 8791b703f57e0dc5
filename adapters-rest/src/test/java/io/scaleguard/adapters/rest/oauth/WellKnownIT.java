package io.scaleguard.adapters.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.token.RsaSigningKeyFactory;
import io.scaleguard.application.port.in.PublishedKey;
import io.scaleguard.application.port.out.SigningKey;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

class WellKnownIT extends ServedApplication {

    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    /** RSA key generation is slow on a busy machine: two keys serve every test. */
    private static final SigningKey NEWER = new RsaSigningKeyFactory().newKey(Instant.now());
    private static final SigningKey OLDER = new RsaSigningKeyFactory().newKey(Instant.now().minusSeconds(60));

    @Test
    void jwksPublishesEachKeyWithItsIdAlgorithmAndUseAndNoPrivateMember() throws Exception {
        fakes.keys = List.of(published(NEWER), published(OLDER));

        HttpResponse<String> response = http.get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = Http.json(response).get("keys");
        assertThat(keys).hasSize(2);
        for (JsonNode key : keys) {
            assertThat(key.get("kty").asText()).isEqualTo("RSA");
            assertThat(key.get("alg").asText()).isEqualTo("RS256");
            assertThat(key.get("use").asText()).isEqualTo("sig");
            assertThat(key.get("n").asText()).isNotBlank();
            assertThat(key.get("e").asText()).isEqualTo("AQAB");
            PRIVATE_MEMBERS.forEach(member -> assertThat(key.has(member)).as(member).isFalse());
        }
        assertThat(keys.findValuesAsText("kid")).containsExactly(NEWER.keyId(), OLDER.keyId());
        JsonWebKey parsed = new JsonWebKeySet(response.body()).findJsonWebKey(NEWER.keyId(), "RSA", "sig", "RS256");
        assertThat(((RsaJsonWebKey) parsed).getRsaPublicKey().getEncoded())
                .isEqualTo(Base64.getDecoder().decode(NEWER.publicKeyX509()));
    }

    @Test
    void aKeyThatCannotBeReadIsLeftOutAndTheOthersPublished() {
        fakes.keys = List.of(new PublishedKey("damaged", "RS256", "bm90IGEga2V5"), published(NEWER));

        HttpResponse<String> response = http.get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("keys").findValuesAsText("kid")).containsExactly(NEWER.keyId());
    }

    @Test
    void noKeysIsAnEmptySet() {
        assertThat(Http.json(http.get("/.well-known/jwks.json")).get("keys")).isEmpty();
    }

    @Test
    void metadataIsBuiltFromTheIssuer() {
        HttpResponse<String> response = http.get("/.well-known/oauth-authorization-server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = Http.json(response);
        String issuer = FakeUseCases.ISSUER.toString();
        assertThat(metadata.get("issuer").asText()).isEqualTo(issuer);
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(issuer + "/auth/token");
        assertThat(metadata.get("revocation_endpoint").asText()).isEqualTo(issuer + "/auth/revoke");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(texts(metadata.get("grant_types_supported"))).containsExactly("password", "refresh_token");
        assertThat(texts(metadata.get("token_endpoint_auth_methods_supported"))).containsExactly("none");
        assertThat(texts(metadata.get("scopes_supported"))).containsExactly("items", "profile");
        assertThat(metadata.get("response_types_supported").isArray()).isTrue();
        assertThat(metadata.has("authorization_endpoint")).isFalse();
    }

    @Test
    void metadataEndpointsDoNotDoubleATrailingSlashOfTheIssuer() {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.of(URI.create("https://auth.example.test/"), Set.of());

        assertThat(metadata.issuer()).isEqualTo("https://auth.example.test/");
        assertThat(metadata.tokenEndpoint()).isEqualTo("https://auth.example.test/auth/token");
    }

    private static PublishedKey published(SigningKey key) {
        return new PublishedKey(key.keyId(), key.algorithm(), key.publicKeyX509());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
