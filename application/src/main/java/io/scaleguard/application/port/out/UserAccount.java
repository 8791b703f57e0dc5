package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Principal;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Instant;
import java.util.Set;

/** A stored account. {@code passwordHash} is a PHC string; it never leaves the application layer. */
public record UserAccount(UserId id, Username username, EmailAddress email, String passwordHash, Plan plan,
                          Set<String> roles, boolean disabled, Instant createdAt) {

    public UserAccount {
        if (id == null || username == null || email == null || passwordHash == null || plan == null || createdAt == null) {
            throw new IllegalArgumentException("an account needs an id, username, email, password hash, plan and creation time");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Principal principal() {
        return new Principal(id, username, plan, roles);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username.value() + ", plan=" + plan.name() + ", disabled=" + disabled + "]";
    }
}
