package io.scaleguard.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code signing_keys}: base64 key material, shared by every replica. */
@Entity
@Table(name = "signing_keys")
class SigningKeyJpaEntity {

    @Id
    @Column(name = "key_id", length = 128)
    String keyId;

    @Column(name = "algorithm", nullable = false, length = 16)
    String algorithm;

    @Column(name = "private_key_pkcs8", nullable = false, length = 8192)
    String privateKeyPkcs8;

    @Column(name = "public_key_x509", nullable = false, length = 8192)
    String publicKeyX509;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "retired_at")
    OffsetDateTime retiredAt;

    protected SigningKeyJpaEntity() {
    }
}
