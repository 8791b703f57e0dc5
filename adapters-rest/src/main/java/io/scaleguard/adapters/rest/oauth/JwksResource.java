package io.scaleguard.adapters.rest.oauth;

import io.scaleguard.adapters.rest.token.KeyMaterial;
import io.scaleguard.application.port.in.PublishKeysUseCase;
import io.scaleguard.application.port.in.PublishedKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * {@code GET /.well-known/jwks.json}: the keys that verify access tokens now, newest first, as an RFC 7517 JWK set.
 * Only public members are written: they are made from the public halves alone, and written at the public level.
 */
@Singleton
@Path("/.well-known/jwks.json")
@Tag(name = "oauth")
public final class JwksResource {

    private static final Logger LOG = Logger.getLogger(JwksResource.class.getName());

    private final PublishKeysUseCase publishKeys;

    @Inject
    public JwksResource(PublishKeysUseCase publishKeys) {
        this.publishKeys = publishKeys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify access tokens (RFC 7517 JWK set)", responses =
        @ApiResponse(responseCode = "200", description = "{keys: [...]}, public members only", useReturnTypeSchema = true))
    public Map<String, List<Map<String, Object>>> keys() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (PublishedKey key : publishKeys.publishedKeys()) {
            try {
                keys.add(jwk(key));
            } catch (IllegalArgumentException | JoseException unreadable) {
                // One damaged row must not hide the keys that do verify.
                LOG.log(Level.WARNING, "key " + key.keyId() + " cannot be published", unreadable);
            }
        }
        return Map.of("keys", keys);
    }

    private static Map<String, Object> jwk(PublishedKey key) throws JoseException {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(KeyMaterial.publicKey(key.algorithm(), key.publicKeyX509()));
        jwk.setKeyId(key.keyId());
        jwk.setAlgorithm(key.algorithm());
        jwk.setUse("sig");
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
