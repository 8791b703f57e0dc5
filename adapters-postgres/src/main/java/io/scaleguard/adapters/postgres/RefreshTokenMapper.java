package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.domain.auth.UserId;

/** Between {@link RefreshToken} and its two rows: the token's own, and its family's (user and absolute expiry). */
final class RefreshTokenMapper {

    private RefreshTokenMapper() {
    }

    static RefreshTokenJpaEntity toTokenEntity(RefreshToken token) {
        RefreshTokenJpaEntity entity = new RefreshTokenJpaEntity();
        entity.tokenHash = token.tokenHash();
        entity.familyId = token.familyId();
        entity.scopes = ColumnValues.words(token.scopes());
        entity.issuedAt = ColumnValues.timestamp(token.issuedAt());
        return entity;
    }

    static RefreshTokenFamilyJpaEntity toFamilyEntity(RefreshToken token) {
        RefreshTokenFamilyJpaEntity entity = new RefreshTokenFamilyJpaEntity();
        entity.familyId = token.familyId();
        entity.userId = token.userId().value();
        entity.expiresAt = ColumnValues.timestamp(token.familyExpiresAt());
        return entity;
    }

    static RefreshToken toToken(RefreshTokenJpaEntity token, RefreshTokenFamilyJpaEntity family) {
        return new RefreshToken(token.tokenHash, token.familyId, new UserId(family.userId), ColumnValues.wordSet(token.scopes),
                ColumnValues.instant(token.issuedAt), ColumnValues.instant(family.expiresAt));
    }
}
