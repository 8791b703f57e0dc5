package io.scaleguard.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.in.RegisterUserCommand;
import io.scaleguard.application.port.in.RegisterUserUseCase.RegistrationResult;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.FakePasswordHasher;
import io.scaleguard.application.testing.InMemoryUserAccounts;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Username;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegisterUserServiceTest {

    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final RegisterUserService service = new RegisterUserService(accounts, hasher, Clock.systemUTC());

    private RegisterUserCommand command(Username username, String email) {
        return new RegisterUserCommand(username, new EmailAddress(email), new Password("correct horse battery"));
    }

    @Test
    void createsAnAccountOnTheDefaultPlanWithAHashedPassword() {
        Username username = Accounts.uniqueUsername();
        RegistrationResult.Registered registered = (RegistrationResult.Registered) service.register(command(username, "a@example.org"));
        assertThat(registered.profile().username()).isEqualTo(username);
        assertThat(registered.profile().plan()).isEqualTo(Plan.DEFAULT);
        UserAccount stored = accounts.byUsername(username).orElseThrow();
        assertThat(stored.passwordHash()).doesNotContain("correct horse battery");
        assertThat(hasher.verify(new Password("correct horse battery"), stored.passwordHash())).isTrue();
        assertThat(stored.roles()).containsExactly("user");
    }

    @Test
    void tellsATakenUsernameFromATakenEmail() {
        Username username = Accounts.uniqueUsername();
        service.register(command(username, "first@example.org"));
        assertThat(service.register(command(username, "second@example.org"))).isEqualTo(new RegistrationResult.UsernameTaken());
        assertThat(service.register(command(Accounts.uniqueUsername(), "FIRST@example.org"))).isEqualTo(new RegistrationResult.EmailTaken());
    }

    @Test
    void answersBusyAndStoresNothingWhenHashingIsSaturated() {
        hasher.saturate(true);
        Username username = Accounts.uniqueUsername();
        assertThat(service.register(command(username, "busy@example.org"))).isEqualTo(new RegistrationResult.Busy(Duration.ofSeconds(1)));
        assertThat(accounts.byUsername(username)).isEmpty();
    }
}
