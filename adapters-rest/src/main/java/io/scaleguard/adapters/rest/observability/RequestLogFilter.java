package io.scaleguard.adapters.rest.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.domain.auth.Principal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One log line per request: method, route template, status, latency, the user when the bearer filter verified one,
 * and the request id. The line is built only from those values, none of them free client text; headers, query
 * strings, bodies and tokens are never read here, so they cannot reach the log.
 */
@PreMatching
@Priority(ObservedRequest.OUTERMOST)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RequestLogFilter.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestLogFormat format;

    public RequestLogFilter(RequestLogFormat format) {
        this.format = format;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ObservedRequest.arrived(request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(line(fields(request, response)));
        }
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
        return fields;
    }

    private String line(Map<String, Object> fields) {
        if (format == RequestLogFormat.JSON) {
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("numbers and plain tokens always serialise", e);
            }
        }
        return fields.entrySet().stream().map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining(" "));
    }
}
