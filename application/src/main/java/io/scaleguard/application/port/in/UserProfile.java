package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;

/** What a user may see of their own account: never the password hash. */
public record UserProfile(UserId id, Username username, EmailAddress email, Plan plan) {
}
