package io.scaleguard.bootstrap.compose;

import io.scaleguard.application.port.in.PurgeEndedCredentialsCommand;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase.Purged;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every replica purges ended credentials now and then: a minute after start, then hourly. Several replicas doing it at
 * once is harmless (the deletes are idempotent), and a failure (the database down) is logged and tried next time.
 */
final class Housekeeping implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    static final Duration FIRST_AFTER = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(1);
    /** Ended refresh-token families and retired keys stay a day, for an investigation, then go. */
    static final Duration KEEP_FOR = Duration.ofDays(1);

    private final PurgeEndedCredentialsUseCase purge;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "scaleguard-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private Housekeeping(PurgeEndedCredentialsUseCase purge) {
        this.purge = purge;
    }

    static Housekeeping start(PurgeEndedCredentialsUseCase purge) {
        Housekeeping housekeeping = new Housekeeping(purge);
        housekeeping.scheduler.scheduleWithFixedDelay(housekeeping::runOnce, FIRST_AFTER.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
        return housekeeping;
    }

    /** One purge; never throws, so that the schedule goes on. */
    void runOnce() {
        try {
            Purged purged = purge.purge(new PurgeEndedCredentialsCommand(KEEP_FOR));
            if (purged.refreshTokenFamilies() + purged.signingKeys() > 0) {
                LOG.log(System.Logger.Level.INFO, "purged {0} ended refresh-token families and {1} retired signing keys",
                        Integer.toString(purged.refreshTokenFamilies()), Integer.toString(purged.signingKeys()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "purging ended credentials failed, trying again in {0} min: {1}",
                    Long.toString(EVERY.toMinutes()), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
