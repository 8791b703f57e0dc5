package io.scaleguard.adapters.rest.oauth;

import java.util.List;

/**
 * RFC 8414 section 2 metadata. There is no authorization endpoint (only the password and refresh-token grants),
 * so {@code authorization_endpoint} is left out and {@code response_types_supported}, which the RFC requires, is empty.
 */
public record AuthorizationServerMetadata(String issuer, String tokenEndpoint, String revocationEndpoint, String jwksUri,
                                          List<String> grantTypesSupported, List<String> tokenEndpointAuthMethodsSupported,
                                          List<String> revocationEndpointAuthMethodsSupported, List<String> scopesSupported,
                                          List<String> responseTypesSupported) {
}
