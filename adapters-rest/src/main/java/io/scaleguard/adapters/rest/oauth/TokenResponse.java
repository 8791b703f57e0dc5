package io.scaleguard.adapters.rest.oauth;

/** A successful RFC 6749 section 5.1 token response; {@code scope} is left out when no scope was granted. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, String scope) {

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
