package io.scaleguard.application.port.in;

import java.time.Duration;
import java.util.Set;

/** Log in (password grant) or renew (refresh grant): a new access token and a rotated refresh token. */
public interface IssueTokenUseCase {

    TokenResult issue(IssueTokenCommand command);

    sealed interface TokenResult {
        record Issued(String accessToken, Duration expiresIn, String refreshToken, Set<String> scopes) implements TokenResult {
            @Override
            public String toString() {
                return "Issued[expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
            }
        }

        /** Wrong password, unknown user, disabled account, bad or rotated refresh token: one answer for all. */
        record InvalidGrant() implements TokenResult {
        }

        /** A scope was asked for that the client may not have. */
        record InvalidScope() implements TokenResult {
        }

        /** Too many attempts for this username or client IP. */
        record Throttled(Duration retryAfter) implements TokenResult {
        }

        /** Every password-hashing slot is busy: come back shortly. */
        record Busy(Duration retryAfter) implements TokenResult {
        }
    }
}
