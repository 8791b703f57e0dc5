package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.DatabaseSettings.PasswordHashing;
import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.domain.auth.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id through Bouncy Castle's pure-Java implementation, whose output matches the reference {@code argon2} tool, in
 * PHC strings that other tools read. The password's UTF-8 bytes are hashed whole: no truncation, no case folding.
 */
final class Argon2idPasswordHasher implements PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final PasswordHashing cost;
    private final HashingSlots slots;
    private final SecureRandom random = new SecureRandom();

    Argon2idPasswordHasher(PasswordHashing cost, HashingSlots slots) {
        this.cost = cost;
        this.slots = slots;
    }

    @Override
    public String hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    /** The PHC string of this password with this salt at the current cost; {@link #hash(Password)} draws the salt. */
    String hash(Password password, byte[] salt) {
        byte[] hash = derive(password, cost.memoryKiB(), cost.iterations(), cost.parallelism(), salt, HASH_BYTES);
        return new PhcHash(cost.memoryKiB(), cost.iterations(), cost.parallelism(), salt, hash).encoded();
    }

    @Override
    public boolean verify(Password password, String encodedHash) {
        Optional<PhcHash> stored = PhcHash.parse(encodedHash);
        if (stored.isEmpty()) {
            return false;
        }
        PhcHash expected = stored.get();
        byte[] actual = derive(password, expected.memoryKiB(), expected.iterations(), expected.parallelism(), expected.salt(),
                expected.hash().length);
        return MessageDigest.isEqual(actual, expected.hash());
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return PhcHash.parse(encodedHash).map(stored -> !stored.madeWith(cost)).orElse(true);
    }

    int inFlight() {
        return slots.inFlight();
    }

    /** Argon2id of the password, computed in one hashing slot. */
    private byte[] derive(Password password, int memoryKiB, int iterations, int parallelism, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(PhcHash.VERSION)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        return slots.run(() -> {
            byte[] secret = password.value().getBytes(StandardCharsets.UTF_8);
            try {
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(parameters);
                byte[] out = new byte[length];
                generator.generateBytes(secret, out);
                return out;
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        });
    }
}
