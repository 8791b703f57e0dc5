package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.domain.auth.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Refresh tokens in maps; synchronized, so exactly one of several concurrent uses of a token wins. */
public final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<String, RefreshToken> byHash = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Map<UUID, Instant> revokedFamilies = new HashMap<>();

    @Override
    public synchronized void save(RefreshToken token) {
        byHash.put(token.tokenHash(), token);
    }

    @Override
    public synchronized Use use(String tokenHash, Instant now) {
        RefreshToken token = byHash.get(tokenHash);
        if (token == null || revokedFamilies.containsKey(token.familyId()) || !token.familyExpiresAt().isAfter(now)) {
            return new Use.Invalid();
        }
        return used.add(tokenHash) ? new Use.Fresh(token) : new Use.Reused(token);
    }

    @Override
    public synchronized void revokeFamily(UUID familyId) {
        revokedFamilies.putIfAbsent(familyId, Instant.now());
    }

    @Override
    public synchronized void revokeAllOf(UserId userId) {
        byHash.values().stream().filter(t -> t.userId().equals(userId)).forEach(t -> revokeFamily(t.familyId()));
    }

    @Override
    public synchronized void revokeByHash(String tokenHash) {
        byHash(tokenHash).ifPresent(t -> revokeFamily(t.familyId()));
    }

    @Override
    public synchronized Optional<RefreshToken> byHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public synchronized int purgeEndedBefore(Instant cutoff) {
        Set<UUID> ended = new HashSet<>();
        byHash.values().stream().filter(t -> t.familyExpiresAt().isBefore(cutoff)).forEach(t -> ended.add(t.familyId()));
        revokedFamilies.forEach((family, at) -> {
            if (at.isBefore(cutoff)) {
                ended.add(family);
            }
        });
        byHash.values().removeIf(t -> ended.contains(t.familyId()));
        used.removeIf(hash -> !byHash.containsKey(hash));
        revokedFamilies.keySet().removeAll(ended);
        return ended.size();
    }
}
