package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.SigningKey;

/** Between {@link SigningKey} and its row. */
final class SigningKeyMapper {

    private SigningKeyMapper() {
    }

    static SigningKeyJpaEntity toEntity(SigningKey key) {
        SigningKeyJpaEntity entity = new SigningKeyJpaEntity();
        entity.keyId = key.keyId();
        entity.algorithm = key.algorithm();
        entity.privateKeyPkcs8 = key.privateKeyPkcs8();
        entity.publicKeyX509 = key.publicKeyX509();
        entity.createdAt = ColumnValues.timestamp(key.createdAt());
        entity.retiredAt = ColumnValues.timestamp(key.retiredAt());
        return entity;
    }

    static SigningKey toKey(SigningKeyJpaEntity entity) {
        return new SigningKey(entity.keyId, entity.algorithm, entity.privateKeyPkcs8, entity.publicKeyX509,
                ColumnValues.instant(entity.createdAt), ColumnValues.instant(entity.retiredAt));
    }
}
