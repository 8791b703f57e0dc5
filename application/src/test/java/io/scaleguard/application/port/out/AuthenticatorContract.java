package io.scaleguard.application.port.out;

import static io.scaleguard.application.testing.Accounts.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.AuthenticationResult.Reason;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Username;
import org.junit.jupiter.api.Test;

/** What every {@link Authenticator} must do, whatever stores the accounts and hashes the passwords. */
public abstract class AuthenticatorContract {

    protected static final Password PASSWORD = new Password("correct horse battery staple");

    protected abstract Authenticator authenticator();

    /** Stores an account with this password, hashed the way the authenticator's store hashes it. */
    protected abstract UserAccount givenAccount(Username username, Password password, boolean disabled);

    @Test
    void authenticatesTheRightPasswordAsTheAccountsPrincipal() {
        UserAccount account = givenAccount(uniqueUsername(), PASSWORD, false);
        AuthenticationResult result = authenticator().authenticate(new Credentials(account.username(), PASSWORD));
        assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(account.principal()));
    }

    @Test
    void findsTheAccountWhateverTheCaseOfTheUsername() {
        UserAccount account = givenAccount(uniqueUsername(), PASSWORD, false);
        Username shouted = new Username(account.username().value().toUpperCase());
        assertThat(authenticator().authenticate(new Credentials(shouted, PASSWORD))).isInstanceOf(AuthenticationResult.Authenticated.class);
    }

    @Test
    void rejectsAWrongPasswordAndOneThatDiffersOnlyInCaseOrAtTheEnd() {
        Password longOne = new Password("p".repeat(100) + "-the-end");
        UserAccount account = givenAccount(uniqueUsername(), longOne, false);
        for (Password wrong : new Password[] {new Password("p".repeat(100) + "-the-End"), new Password("p".repeat(100) + "-the-en"),
                new Password("p".repeat(100))}) {
            assertThat(authenticator().authenticate(new Credentials(account.username(), wrong)))
                    .isEqualTo(new AuthenticationResult.Rejected(Reason.WRONG_PASSWORD));
        }
    }

    @Test
    void acceptsAnyUnicodePassword() {
        Password unicode = new Password("пароль-密码-🔑-contraseña");
        UserAccount account = givenAccount(uniqueUsername(), unicode, false);
        assertThat(authenticator().authenticate(new Credentials(account.username(), unicode))).isInstanceOf(AuthenticationResult.Authenticated.class);
    }

    @Test
    void rejectsAnUnknownUser() {
        assertThat(authenticator().authenticate(new Credentials(uniqueUsername(), PASSWORD)))
                .isEqualTo(new AuthenticationResult.Rejected(Reason.UNKNOWN_USER));
    }

    @Test
    void rejectsADisabledAccountEvenWithTheRightPassword() {
        UserAccount account = givenAccount(uniqueUsername(), PASSWORD, true);
        assertThat(authenticator().authenticate(new Credentials(account.username(), PASSWORD)))
                .isEqualTo(new AuthenticationResult.Rejected(Reason.ACCOUNT_DISABLED));
    }
}
