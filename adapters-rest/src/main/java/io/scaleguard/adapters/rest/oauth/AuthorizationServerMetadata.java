package io.scaleguard.adapters.rest.oauth;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * RFC 8414 section 2 metadata. There is no authorization endpoint (only the password and refresh-token grants),
 * so {@code authorization_endpoint} is left out and {@code response_types_supported}, which the RFC requires, is empty.
 */
public record AuthorizationServerMetadata(String issuer, String tokenEndpoint, String revocationEndpoint, String jwksUri,
                                          List<String> grantTypesSupported, List<String> tokenEndpointAuthMethodsSupported,
                                          List<String> revocationEndpointAuthMethodsSupported, List<String> scopesSupported,
                                          List<String> responseTypesSupported) {

    /** The metadata of this service: {@code issuer} exactly as the tokens' {@code iss}, the endpoints below it. */
    public static AuthorizationServerMetadata of(URI issuer, Set<String> scopes) {
        String name = issuer.toString();
        String base = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return new AuthorizationServerMetadata(name, base + "/auth/token", base + "/auth/revoke", base + "/.well-known/jwks.json",
                List.of("password", "refresh_token"), List.of("none"), List.of("none"), scopes.stream().sorted().toList(), List.of());
    }
}
