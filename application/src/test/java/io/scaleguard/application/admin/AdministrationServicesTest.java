package io.scaleguard.application.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.in.DisableUserCommand;
import io.scaleguard.application.port.in.SetPlanCommand;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.InMemoryRefreshTokens;
import io.scaleguard.application.testing.InMemoryUserAccounts;
import io.scaleguard.domain.auth.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdministrationServicesTest {

    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();

    @Test
    void disablingAnAccountRevokesItsRefreshTokensAndEnablingDoesNotBringThemBack() {
        UserAccount alice = Accounts.account("h");
        accounts.add(alice);
        RefreshToken token = new RefreshToken(HexFormat.of().formatHex(new byte[32]), UUID.randomUUID(), alice.id(), Set.of(),
                Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        refreshTokens.save(token);
        DisableUserService service = new DisableUserService(accounts, refreshTokens);

        assertThat(service.disable(new DisableUserCommand(alice.username(), true))).isTrue();
        assertThat(accounts.byId(alice.id()).orElseThrow().disabled()).isTrue();
        assertThat(service.disable(new DisableUserCommand(alice.username(), false))).isTrue();
        assertThat(accounts.byId(alice.id()).orElseThrow().disabled()).isFalse();
        assertThat(refreshTokens.use(token.tokenHash(), Instant.now())).isEqualTo(new Use.Invalid());
        assertThat(service.disable(new DisableUserCommand(Accounts.uniqueUsername(), true))).isFalse();
    }

    @Test
    void movesAUserToAnotherPlan() {
        UserAccount alice = Accounts.account("h");
        accounts.add(alice);
        SetPlanService service = new SetPlanService(accounts);
        assertThat(service.setPlan(new SetPlanCommand(alice.username(), new Plan("pro")))).isTrue();
        assertThat(accounts.byId(alice.id()).orElseThrow().plan()).isEqualTo(new Plan("pro"));
        assertThat(service.setPlan(new SetPlanCommand(Accounts.uniqueUsername(), new Plan("pro")))).isFalse();
    }
}
