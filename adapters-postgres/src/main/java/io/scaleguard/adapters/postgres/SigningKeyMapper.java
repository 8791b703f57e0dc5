package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.SigningKey;

/** Between {@link SigningKey} and its row, the private half sealed on the way in and opened on the way out. */
final class SigningKeyMapper {

    private SigningKeyMapper() {
    }

    static SigningKeyJpaEntity toEntity(SigningKey key, PrivateKeySealing sealing) {
        SigningKeyJpaEntity entity = new SigningKeyJpaEntity();
        entity.keyId = key.keyId();
        entity.algorithm = key.algorithm();
        entity.privateKeyPkcs8 = sealing.seal(key.keyId(), key.privateKeyPkcs8());
        entity.publicKeyX509 = key.publicKeyX509();
        entity.createdAt = ColumnValues.timestamp(key.createdAt());
        entity.retiredAt = ColumnValues.timestamp(key.retiredAt());
        return entity;
    }

    static SigningKey toKey(SigningKeyJpaEntity entity, PrivateKeySealing sealing) {
        return new SigningKey(entity.keyId, entity.algorithm, sealing.open(entity.keyId, entity.privateKeyPkcs8), entity.publicKeyX509,
                ColumnValues.instant(entity.createdAt), ColumnValues.instant(entity.retiredAt));
    }
}
