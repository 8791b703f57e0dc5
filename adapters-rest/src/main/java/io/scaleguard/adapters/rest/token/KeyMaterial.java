package io.scaleguard.adapters.rest.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Decodes stored key halves: base64 of PKCS#8 (private) and of X.509 SubjectPublicKeyInfo (public). */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /** @throws IllegalArgumentException when the text is not base64 of a public key of the JWA algorithm's family */
    public static PublicKey publicKey(String jwaAlgorithm, String x509Base64) {
        try {
            return keyFactory(jwaAlgorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + jwaAlgorithm + " public key in base64 X.509", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not base64 of a private key of the JWA algorithm's family */
    public static PrivateKey privateKey(String jwaAlgorithm, String pkcs8Base64) {
        try {
            return keyFactory(jwaAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + jwaAlgorithm + " private key in base64 PKCS#8", e);
        }
    }

    private static KeyFactory keyFactory(String jwaAlgorithm) throws GeneralSecurityException {
        if (jwaAlgorithm == null) {
            throw new IllegalArgumentException("no algorithm");
        }
        if (jwaAlgorithm.startsWith("RS") || jwaAlgorithm.startsWith("PS")) {
            return KeyFactory.getInstance("RSA");
        }
        if (jwaAlgorithm.startsWith("ES")) {
            return KeyFactory.getInstance("EC");
        }
        if (jwaAlgorithm.equals("EdDSA")) {
            return KeyFactory.getInstance("EdDSA");
        }
        throw new IllegalArgumentException("unsupported algorithm " + jwaAlgorithm);
    }
}
