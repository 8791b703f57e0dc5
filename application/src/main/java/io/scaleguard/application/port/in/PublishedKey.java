package io.scaleguard.application.port.in;

/**
 * A verification key as the world may see it: its id ({@code kid}), its JWA algorithm, and the X.509
 * SubjectPublicKeyInfo of its public half in base64. Never the private half.
 */
public record PublishedKey(String keyId, String algorithm, String publicKeyX509) {

    public PublishedKey {
        if (keyId == null || keyId.isBlank() || algorithm == null || publicKeyX509 == null) {
            throw new IllegalArgumentException("a published key needs an id, an algorithm and its public half");
        }
    }
}
