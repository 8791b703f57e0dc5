package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Username;

public record SetPlanCommand(Username username, Plan plan) {

    public SetPlanCommand {
        if (username == null || plan == null) {
            throw new IllegalArgumentException("setting a plan needs a username and a plan");
        }
    }
}
