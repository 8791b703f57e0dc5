package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.DatabaseSettings.PasswordHashing;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format the reference implementation writes,
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, with salt and hash in unpadded standard base64.
 */
record PhcHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    /** Argon2 version 1.3, written as 19. */
    static final int VERSION = 0x13;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    String encoded() {
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$" + ENCODER.encodeToString(salt)
                + "$" + ENCODER.encodeToString(hash);
    }

    boolean madeWith(PasswordHashing cost) {
        return memoryKiB == cost.memoryKiB() && iterations == cost.iterations() && parallelism == cost.parallelism();
    }

    /**
     * Reads a stored string; anything else than an Argon2id 1.3 hash with parameters this service could have configured
     * (so that a corrupted row cannot make one verification allocate without bound) is empty.
     */
    static Optional<PhcHash> parse(String encoded) {
        Matcher matcher = FORMAT.matcher(encoded == null ? "" : encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int memoryKiB = Integer.parseInt(matcher.group(1));
        int iterations = Integer.parseInt(matcher.group(2));
        int parallelism = Integer.parseInt(matcher.group(3));
        if (!PasswordHashing.costWithinBounds(memoryKiB, iterations, parallelism)) {
            return Optional.empty();
        }
        Optional<byte[]> salt = canonicalBase64(matcher.group(4));
        Optional<byte[]> hash = canonicalBase64(matcher.group(5));
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PhcHash(memoryKiB, iterations, parallelism, salt.get(), hash.get()));
    }

    /**
     * The bytes of unpadded base64 that is written exactly as the encoder writes it. Java's decoder ignores non-zero
     * unused trailing bits, so two spellings would decode to one hash; the reference implementation refuses that.
     */
    private static Optional<byte[]> canonicalBase64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
