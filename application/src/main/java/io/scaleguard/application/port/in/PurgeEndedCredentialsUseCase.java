package io.scaleguard.application.port.in;

/**
 * Deletes what can never authenticate anyone again: refresh-token families that ended (expired or revoked) and
 * signing keys that retired, once they are older than the command's keep period. Run periodically by every replica;
 * running it twice, or on several replicas at once, is harmless.
 */
public interface PurgeEndedCredentialsUseCase {

    Purged purge(PurgeEndedCredentialsCommand command);

    record Purged(int refreshTokenFamilies, int signingKeys) {
    }
}
