package io.scaleguard.application.port.out;

/**
 * The one failure a store of accounts, refresh tokens or keys may report: the database did not answer or refused the
 * work for a reason that is not the caller's fault. No driver or JPA exception crosses the port; the REST adapter
 * answers 503.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
