package io.scaleguard.adapters.rest.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.Optional;

/**
 * When a request arrived, kept on the request itself: stamped by whichever outermost request filter sees it first and
 * read by the outermost response filters, so that metrics and logs time the same span of the request's life.
 */
final class ObservedRequest {

    /**
     * Request filters run in ascending, response filters in descending priority: the lowest priority sees a request
     * first and its answer last, when every other filter has had its say on status and headers.
     */
    static final int OUTERMOST = 1;

    private static final String ARRIVAL = "io.scaleguard.observability.arrival";

    private ObservedRequest() {
    }

    static void arrived(ContainerRequestContext request) {
        if (request.getProperty(ARRIVAL) == null) {
            request.setProperty(ARRIVAL, System.nanoTime());
        }
    }

    /** Empty for an answer the runtime gave before any filter saw the request. */
    static Optional<Duration> elapsed(ContainerRequestContext request) {
        return request.getProperty(ARRIVAL) instanceof Long arrival
                ? Optional.of(Duration.ofNanos(System.nanoTime() - arrival)) : Optional.empty();
    }
}
