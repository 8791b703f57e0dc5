package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scaleguard.adapters.postgres.DatabaseSettings.PasswordHashing;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.domain.auth.Password;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {

    private static final PasswordHashing CHEAP = PasswordHashing.owaspDefaults().withCost(64, 1, 1);
    private static final Password PASSWORD = new Password("correct horse battery staple");

    /** {@code echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e}, the reference implementation's example. */
    private static final String REFERENCE_VECTOR = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
    /** {@code echo -n password | argon2 somesalt -id -t 1 -k 64 -p 1 -l 32 -e}: cheap, for the malformed variants below. */
    private static final String CHEAP_VECTOR = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70";
    /** {@code echo -n 'пароль-密码-🔑-contraseña' | argon2 saltsaltsaltsalt -id -t 2 -k 1024 -p 1 -l 32 -e} */
    private static final String UNICODE_VECTOR = "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$XHr8zemdc5N1TH6nkn6c3dI/+EAatv4H+BjINowwx6g";

    private static Argon2idPasswordHasher hasher(PasswordHashing cost) {
        return new Argon2idPasswordHasher(cost, new HashingSlots(cost.maxConcurrentHashes(), cost.slotWait()));
    }

    @Test
    void defaultsToOwaspParametersWithASixteenByteSaltAndAThirtyTwoByteHash() {
        PasswordHashing defaults = PasswordHashing.owaspDefaults();
        assertThat(defaults.memoryKiB()).isEqualTo(19_456);
        assertThat(defaults.iterations()).isEqualTo(2);
        assertThat(defaults.parallelism()).isEqualTo(1);
        assertThat(defaults.maxConcurrentHashes()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(DatabaseSettings.of("jdbc:postgresql://db/scaleguard", null, null).passwordHashing()).isEqualTo(defaults);
        assertThat(DatabaseSettings.embedded(java.nio.file.Path.of("data")).passwordHashing()).isEqualTo(defaults);

        String[] parts = hasher(defaults).hash(PASSWORD).split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(parts[1] + "$" + parts[2] + "$" + parts[3]).isEqualTo("argon2id$v=19$m=19456,t=2,p=1");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(parts[4] + parts[5]).doesNotContain("=");
    }

    @Test
    void writesExactlyWhatTheReferenceArgon2ToolWritesForTheSameSalt() {
        Argon2idPasswordHasher reference = hasher(CHEAP.withCost(65_536, 2, 4));
        assertThat(reference.hash(new Password("password"), "somesalt".getBytes(StandardCharsets.US_ASCII))).isEqualTo(REFERENCE_VECTOR);
        Argon2idPasswordHasher unicode = hasher(CHEAP.withCost(1024, 2, 1));
        assertThat(unicode.hash(new Password("пароль-密码-🔑-contraseña"), "saltsaltsaltsalt".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(UNICODE_VECTOR);
    }

    @Test
    void verifiesHashesTheReferenceToolMadeWhateverTheCurrentCost() {
        Argon2idPasswordHasher hasher = hasher(CHEAP);
        assertThat(hasher.verify(new Password("password"), REFERENCE_VECTOR)).isTrue();
        assertThat(hasher.verify(new Password("пароль-密码-🔑-contraseña"), UNICODE_VECTOR)).isTrue();
        assertThat(hasher.verify(new Password("Password"), CHEAP_VECTOR)).isFalse();
        assertThat(hasher.verify(new Password("password"), CHEAP_VECTOR)).isTrue();
    }

    @Test
    void givesTwoUsersWithTheSamePasswordDifferentHashesThatBothVerify() {
        Argon2idPasswordHasher hasher = hasher(CHEAP);
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(PASSWORD, first)).isTrue();
        assertThat(hasher.verify(PASSWORD, second)).isTrue();
    }

    @Test
    void rejectsAPasswordThatDiffersInCaseOrOnlyInItsLastCharacter() {
        Argon2idPasswordHasher hasher = hasher(CHEAP);
        String longest = "é".repeat(Password.MAX_LENGTH - 1);
        String stored = hasher.hash(new Password(longest + "a"));
        assertThat(hasher.verify(new Password(longest + "a"), stored)).isTrue();
        assertThat(hasher.verify(new Password(longest + "A"), stored)).isFalse();
        assertThat(hasher.verify(new Password(longest + "b"), stored)).isFalse();
        assertThat(hasher.verify(new Password(longest), stored)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a hash", "$fake$r=1$salt$hash",
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70=",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70\n",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70AB",
            // the same bytes spelled with non-zero unused trailing bits, in the hash and in the salt
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG71",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHR$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=64,t=1,p=1$$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70"})
    void aMalformedStoredHashVerifiesAsFalseAndNeedsReplacing(String malformed) {
        Argon2idPasswordHasher hasher = hasher(CHEAP);
        assertThat(hasher.verify(new Password("password"), malformed)).isFalse();
        assertThat(hasher.needsRehash(malformed)).isTrue();
        assertThat(hasher.needsRehash(CHEAP_VECTOR)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG7w",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70A",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHc$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70",
            "$argon2id$v=19$m=65,t=1,p=1$c29tZXNhbHQ$cpx6VEQbwTVZvcpxNIxOVUWZ5xnAipUmAe1cg2GMG70"})
    void aTamperedHashVerifiesAsFalse(String tampered) {
        assertThat(hasher(CHEAP).verify(new Password("password"), tampered)).isFalse();
    }

    @Test
    void aMissingStoredHashVerifiesAsFalse() {
        assertThat(hasher(CHEAP).verify(PASSWORD, null)).isFalse();
    }

    @Test
    void needsRehashExactlyWhenTheStoredParametersDifferFromTheCurrentOnes() {
        Argon2idPasswordHasher current = hasher(CHEAP);
        String stored = current.hash(PASSWORD);
        assertThat(current.needsRehash(stored)).isFalse();
        assertThat(hasher(CHEAP.withCost(128, 1, 1)).needsRehash(stored)).isTrue();
        assertThat(hasher(CHEAP.withCost(64, 2, 1)).needsRehash(stored)).isTrue();
        assertThat(hasher(CHEAP.withCost(64, 1, 2)).needsRehash(stored)).isTrue();
    }

    @Test
    void refusesWithARetryHintWhileEverySlotIsTakenInsteadOfQueueing() throws Exception {
        PasswordHashing oneSlot = CHEAP.withConcurrency(1, Duration.ofMillis(50));
        HashingSlots slots = new HashingSlots(oneSlot.maxConcurrentHashes(), oneSlot.slotWait());
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(oneSlot, slots);
        String stored = hasher.hash(PASSWORD);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        try {
            holding.await();
            // The slot stays taken until after these calls, so only a refusal (not a wait for the slot) can end them;
            // the timeout guards against a hang, it does not measure speed.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertThatThrownBy(() -> hasher.hash(PASSWORD)).isInstanceOfSatisfying(PasswordHashingBusy.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
                assertThatThrownBy(() -> hasher.verify(PASSWORD, stored)).isInstanceOf(PasswordHashingBusy.class);
            });
            assertThat(hasher.inFlight()).isEqualTo(1);
        } finally {
            release.countDown();
            holder.get();
        }
        assertThat(hasher.inFlight()).isZero();
        assertThat(hasher.verify(PASSWORD, stored)).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
