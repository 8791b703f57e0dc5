package io.scaleguard.domain.auth;

/**
 * The driven port of authentication: credentials in, a principal or a rejection out.
 *
 * <p>Implementations must take about the same time for every kind of rejection, so that timing does not tell
 * which usernames exist.
 */
public interface Authenticator {

    AuthenticationResult authenticate(Credentials credentials);
}
