package io.scaleguard.adapters.rest.bearer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the Authorization header of a request offers, read by RFC 6750 section 2.1 before any token parsing:
 * exactly one header holding {@code Bearer <b64token>}.
 */
sealed interface BearerCredentials {

    /** Longer tokens are refused before parsing; ours are about a kilobyte. */
    int MAX_TOKEN_LENGTH = 8 * 1024;

    Pattern SCHEME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /** No credentials, or credentials of another scheme: RFC 6750 section 3.1 answers without an error code. */
    record Absent() implements BearerCredentials {
    }

    /** Bearer credentials that cannot be a token; {@code reason} is for logs only. */
    record Malformed(String reason) implements BearerCredentials {
    }

    record Token(String value) implements BearerCredentials {
        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    static BearerCredentials from(List<String> authorizationHeaders) {
        if (authorizationHeaders == null || authorizationHeaders.isEmpty()) {
            return new Absent();
        }
        if (authorizationHeaders.size() > 1) {
            return new Malformed("more than one Authorization header");
        }
        String header = authorizationHeaders.get(0);
        if (header == null || header.isBlank()) {
            return new Malformed("empty Authorization header");
        }
        if (header.length() > MAX_TOKEN_LENGTH + "Bearer ".length()) {
            return new Malformed("Authorization header over " + MAX_TOKEN_LENGTH + " characters");
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return space > 0 && SCHEME.matcher(scheme).matches() ? new Absent() : new Malformed("not an authorization scheme");
        }
        String token = space < 0 ? "" : value.substring(space + 1).stripLeading();
        if (token.isEmpty()) {
            return new Malformed("empty bearer token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Malformed("bearer token over " + MAX_TOKEN_LENGTH + " characters");
        }
        if (!isB64Token(token)) {
            return new Malformed("bearer token is not a b64token (several tokens, or stray characters)");
        }
        return new Token(token);
    }

    /**
     * RFC 6750's {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. A loop rather
     * than a regular expression: it runs over a kilobyte of token on every guarded request, and the regular
     * expressions of that path (this one, the JWS shape, the bucket key) were a sixth of its CPU samples.
     */
    private static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "-._~+/".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
