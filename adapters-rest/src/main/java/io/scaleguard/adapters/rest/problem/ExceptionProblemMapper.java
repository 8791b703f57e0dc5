package io.scaleguard.adapters.rest.problem;

import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.application.port.out.StoreUnavailable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: every failure becomes a problem+json response whose words are ours. A library's message
 * or a stack trace never reaches the client; unexpected failures are logged here with their stack trace.
 */
public final class ExceptionProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionProblemMapper.class.getName());
    /** A database outage is not over in a second; this keeps retrying clients from hammering it. */
    private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed.",
            404, "There is nothing at this path.",
            405, "This path does not support the request's method; the Allow header lists those it does.",
            406, "This path cannot answer in any of the media types the Accept header asks for.",
            413, "The request body is larger than this service accepts.",
            415, "This path does not accept the request's content type.");

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            return Problems.invalidFields(invalid.invalidParams());
        }
        Optional<WebApplicationException> web = causeOfType(failure, WebApplicationException.class);
        if (web.isPresent()) {
            return fromWebApplicationException(web.get());
        }
        Optional<StoreUnavailable> store = causeOfType(failure, StoreUnavailable.class);
        if (store.isPresent()) {
            LOG.log(Level.WARNING, "a store is unavailable: " + store.get().getMessage());
            return Problems.unavailable(STORE_RETRY_AFTER, "A storage service is unavailable; please retry shortly.");
        }
        Optional<PasswordHashingBusy> busy = causeOfType(failure, PasswordHashingBusy.class);
        if (busy.isPresent()) {
            return Problems.unavailable(busy.get().retryAfter(), "The service is busy; please retry shortly.");
        }
        Optional<Response> json = JsonFailures.toProblem(failure);
        if (json.isPresent()) {
            // Only the kind of refusal: Jackson's messages quote the body (a field name, a bare token), which may be a password.
            LOG.log(Level.FINE, "refused a request body: {0}", failure.getClass().getSimpleName());
            return json.get();
        }
        LOG.log(Level.SEVERE, "unexpected failure while serving a request", failure);
        return Problems.status(500, "The server failed to handle the request.").build();
    }

    private static Response fromWebApplicationException(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "request failed with status " + status, e);
        }
        String detail = DETAILS.getOrDefault(status, status >= 500
                ? "The server failed to handle the request." : "The request cannot be served.");
        Response.ResponseBuilder answer = Problems.status(status, detail);
        // Keep what the status needs to be useful (Allow of a 405, Retry-After), never a body or its type.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
