package io.scaleguard.application.port.in;

/** Rotate the signing key; {@code reason} is written to the log (for example "scheduled" or "suspected leak"). */
public record RotateSigningKeyCommand(String reason) {

    public RotateSigningKeyCommand {
        reason = reason == null || reason.isBlank() ? "unspecified" : reason.strip();
    }
}
