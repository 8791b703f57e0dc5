package io.scaleguard.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.InMemoryUserAccounts;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GetProfileServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserAccounts stored = new InMemoryUserAccounts();
    private final GetProfileService service = new GetProfileService(stored, clock, Duration.ofSeconds(5));

    @Test
    void answersRepeatedRequestsFromMemoryAndShowsAChangeOnceTheEntryIsStale() {
        UserAccount alice = Accounts.account("h");
        stored.add(alice);
        for (int i = 0; i < 100; i++) {
            assertThat(service.profile(new GetProfileQuery(alice.id()))).map(UserProfile::username).contains(alice.username());
        }
        assertThat(stored.lookupsById()).as("one query for a hundred requests").isEqualTo(1);

        stored.setPlan(alice.username(), new Plan("pro"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(service.profile(new GetProfileQuery(alice.id()))).map(UserProfile::plan).contains(new Plan("pro"));
    }

    @Test
    void findsNothingForAnUnknownUserAndKeepsAskingTheStore() {
        UserId nobody = UserId.random();
        assertThat(service.profile(new GetProfileQuery(nobody))).isEmpty();
        assertThat(service.profile(new GetProfileQuery(nobody))).isEmpty();
        assertThat(stored.lookupsById()).isEqualTo(2);
    }
}
