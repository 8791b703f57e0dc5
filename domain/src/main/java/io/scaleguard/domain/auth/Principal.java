package io.scaleguard.domain.auth;

import java.util.Set;

/** Who a verified request acts for. */
public record Principal(UserId id, Username username, Plan plan, Set<String> roles) {

    public Principal {
        if (id == null || username == null || plan == null) {
            throw new IllegalArgumentException("a principal needs an id, a username and a plan");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
