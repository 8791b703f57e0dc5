package io.scaleguard.application.port.in;

import java.time.Duration;

/** {@code keepFor}: how long ended rows stay, for an investigation of a reuse or a leak, before they are deleted. */
public record PurgeEndedCredentialsCommand(Duration keepFor) {

    public PurgeEndedCredentialsCommand {
        if (keepFor == null || keepFor.isNegative()) {
            throw new IllegalArgumentException("the keep period must not be negative");
        }
    }
}
