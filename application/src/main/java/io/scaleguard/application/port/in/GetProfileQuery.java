package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.UserId;

public record GetProfileQuery(UserId userId) {
}
