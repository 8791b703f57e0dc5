package io.scaleguard.application.account;

import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.domain.auth.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user's own profile, kept for a few seconds per replica: a client polling /users/me then costs no database query
 * per request, only the token check and the rate-limit decision that guard it. A change (a new plan) shows within
 * {@code freshFor}; the plan that limits the user comes from their token, not from here.
 */
public final class GetProfileService implements GetProfileUseCase {

    /** Bounds memory under a flood of distinct users; beyond it, expired entries go, and new ones wait for room. */
    static final int MAX_CACHED = 10_000;

    private record Cached(UserProfile profile, Instant freshUntil) {
    }

    private final UserAccounts accounts;
    private final Clock clock;
    private final Duration freshFor;
    private final ConcurrentHashMap<UserId, Cached> cache = new ConcurrentHashMap<>();

    public GetProfileService(UserAccounts accounts, Clock clock, Duration freshFor) {
        this.accounts = accounts;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    @Override
    public Optional<UserProfile> profile(GetProfileQuery query) {
        Instant now = clock.instant();
        Cached cached = cache.get(query.userId());
        if (cached != null && now.isBefore(cached.freshUntil())) {
            return Optional.of(cached.profile());
        }
        Optional<UserProfile> profile = accounts.byId(query.userId())
                .map(a -> new UserProfile(a.id(), a.username(), a.email(), a.plan()));
        profile.ifPresentOrElse(p -> remember(p, now), () -> cache.remove(query.userId()));
        return profile;
    }

    private void remember(UserProfile profile, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.freshUntil()));
        }
        // full of live entries: this profile is served uncached rather than evicting a burst of others at once
        if (cache.size() < MAX_CACHED || cache.containsKey(profile.id())) {
            cache.put(profile.id(), new Cached(profile, now.plus(freshFor)));
        }
    }
}
