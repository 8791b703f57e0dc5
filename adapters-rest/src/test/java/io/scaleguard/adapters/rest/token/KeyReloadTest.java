package io.scaleguard.adapters.rest.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.TokenForge;
import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.TokenCodec.Verification;
import io.scaleguard.application.testing.ObservedSigningKeys;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reload of the signing keys held mid-way, as by a database that stopped answering, while others verify and sign. */
class KeyReloadTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** Only a verification stuck behind the held reload comes near this; it bounds a failing run, it times nothing. */
    private static final long HANG_GUARD_SECONDS = 30;

    private final MutableClock clock = new MutableClock(NOW);
    private final ObservedSigningKeys store = new ObservedSigningKeys();
    private final SigningKey key = new RsaSigningKeyFactory().newKey(NOW.minusSeconds(60));
    private final TokenForge forge = new TokenForge(key, NOW);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void releaseAndStop() {
        store.release.countDown();
        threads.shutdownNow();
    }

    @Test
    void whileOneThreadReloadsTheOthersVerifyAndSignWithTheKeysTheyKnow() throws Exception {
        store.keys.add(key);
        Jose4jTokenCodec codec = new Jose4jTokenCodec(store, clock, TokenForge.ISSUER, TokenForge.AUDIENCE);
        String remembered = forge.genuine();
        assertThat(codec.decode(remembered)).isInstanceOf(Verification.Valid.class);
        store.holding = true;
        clock.advance(KeyRing.REFRESH);

        Future<Verification> reloader = threads.submit(() -> codec.decode(forge.genuine()));
        assertThat(store.entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("a reload reached the store").isTrue();
        List<Future<Verification>> verifiers = List.of(
                threads.submit(() -> codec.decode(remembered)), threads.submit(() -> codec.decode(forge.genuine())));
        Future<String> signer = threads.submit(() -> codec.encode(claims()));

        for (Future<Verification> verifier : verifiers) {
            assertThat(verifier.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isInstanceOf(Verification.Valid.class);
        }
        assertThat(codec.decode(signer.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))).isInstanceOf(Verification.Valid.class);
        assertThat(reloader).as("the reload is still held: nobody waited for it").isNotDone();
        assertThat(store.reads).as("one thread reads the store, the others do not queue up behind it").hasValue(2);

        store.release.countDown();
        assertThat(reloader.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isInstanceOf(Verification.Valid.class);
    }

    private static AccessTokenClaims claims() {
        return new AccessTokenClaims(FakeUseCases.ALICE.id(), new Username("alice"), new Plan("gold"), Set.of("user"),
                Set.of("profile"), "jti-held", NOW, NOW.plus(Duration.ofMinutes(15)));
    }
}
