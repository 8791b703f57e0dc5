package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;

/** Between {@link UserAccount} and its row; reading a row goes back through the value objects, which check it again. */
final class UserAccountMapper {

    private UserAccountMapper() {
    }

    static UserJpaEntity toEntity(UserAccount account) {
        UserJpaEntity entity = new UserJpaEntity();
        entity.id = account.id().value();
        entity.username = account.username().value();
        entity.email = account.email().value();
        entity.passwordHash = account.passwordHash();
        entity.plan = account.plan().name();
        entity.roles = ColumnValues.words(account.roles());
        entity.disabled = account.disabled();
        entity.createdAt = ColumnValues.timestamp(account.createdAt());
        return entity;
    }

    static UserAccount toAccount(UserJpaEntity entity) {
        return new UserAccount(new UserId(entity.id), new Username(entity.username), new EmailAddress(entity.email),
                entity.passwordHash, new Plan(entity.plan), ColumnValues.wordSet(entity.roles), entity.disabled,
                ColumnValues.instant(entity.createdAt));
    }
}
