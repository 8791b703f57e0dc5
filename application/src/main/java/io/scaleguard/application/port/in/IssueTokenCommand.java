package io.scaleguard.application.port.in;

import java.util.Set;

/**
 * A token request (RFC 6749): the resource-owner password grant (section 4.3) or the refresh-token grant (section 6).
 * Strings arrive as the client sent them; the service answers every malformed or wrong credential alike.
 * {@code clientIp} is the real client address, for per-IP login throttling.
 */
public sealed interface IssueTokenCommand {

    String clientIp();

    record PasswordGrant(String username, String password, Set<String> scopes, String clientIp) implements IssueTokenCommand {
        public PasswordGrant {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "PasswordGrant[username=" + username + ", scopes=" + scopes + "]";
        }
    }

    record RefreshGrant(String refreshToken, Set<String> scopes, String clientIp) implements IssueTokenCommand {
        public RefreshGrant {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "RefreshGrant[scopes=" + scopes + "]";
        }
    }
}
