package io.scaleguard.adapters.rest.observability;

import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.domain.auth.Principal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One log record per request: method, route template, status, latency, the user when the bearer filter verified one,
 * and the request id. The record says it twice, so that no formatter has to parse it: its message is the readable
 * {@code key=value} line, and its one parameter is an ordered {@code Map<String, Object>} of the same fields, which a
 * JSON formatter writes as members of its line. The message has no {@code {0}} placeholder: a formatter that
 * expands parameters leaves it as it is. Both are built only from those values, none of them free client text;
 * headers, query strings, bodies and tokens are never read here, so they cannot reach the log.
 */
@PreMatching
@Priority(ObservedRequest.OUTERMOST)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RequestLogFilter.class.getName());

    @Override
    public void filter(ContainerRequestContext request) {
        ObservedRequest.arrived(request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, Object> fields = fields(request, response);
        LogRecord record = new LogRecord(Level.INFO, fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining(" ")));
        record.setParameters(new Object[] {fields});
        record.setLoggerName(LOG.getName());
        // Named here, or java.util.logging walks the stack of every request to find the caller.
        record.setSourceClassName(RequestLogFilter.class.getName());
        record.setSourceMethodName("filter");
        LOG.log(record);
    }

    private static Map<String, Object> fields(ContainerRequestContext request, ContainerResponseContext response) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", RequestLabels.method(request));
        fields.put("route", RequestLabels.route(request));
        fields.put("status", response.getStatus());
        // Hundredths of a millisecond: enough to tell a cached answer from a round trip, short enough to read.
        ObservedRequest.elapsed(request).ifPresent(elapsed -> fields.put("latency_ms", Math.round(elapsed.toNanos() / 10_000.0) / 100.0));
        if (request.getProperty(RestApplication.PRINCIPAL_PROPERTY) instanceof Principal principal) {
            fields.put("user_id", principal.id().toString());
        }
        fields.put("request_id", RequestIdFilter.idOf(request));
        return Collections.unmodifiableMap(fields);
    }
}
