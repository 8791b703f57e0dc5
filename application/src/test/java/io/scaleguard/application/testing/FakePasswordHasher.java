package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.domain.auth.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A salted SHA-256 stand-in for Argon2id, fast enough for unit tests, with the same shape: a PHC-like string that names
 * its parameters, so re-hashing on a parameter change can be tested; a switch that makes it report saturation; and a
 * count of verifications, to prove that unknown users are hashed against a dummy too.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile String parameters = "r=1";
    private volatile boolean saturated;
    private final AtomicInteger verifications = new AtomicInteger();

    public void useParameters(String parameters) {
        this.parameters = parameters;
    }

    public void saturate(boolean saturated) {
        this.saturated = saturated;
    }

    public int verifications() {
        return verifications.get();
    }

    @Override
    public String hash(Password password) {
        refuseWhenSaturated();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
        return "$fake$" + parameters + "$" + encodedSalt + "$" + digest(encodedSalt, password);
    }

    @Override
    public boolean verify(Password password, String encodedHash) {
        refuseWhenSaturated();
        verifications.incrementAndGet();
        String[] parts = encodedHash.split("\\$");
        if (parts.length != 5 || !parts[1].equals("fake")) {
            return false;
        }
        return MessageDigest.isEqual(digest(parts[3], password).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return !encodedHash.startsWith("$fake$" + parameters + "$");
    }

    private void refuseWhenSaturated() {
        if (saturated) {
            throw new PasswordHashingBusy(Duration.ofSeconds(1));
        }
    }

    private static String digest(String salt, Password password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(password.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
