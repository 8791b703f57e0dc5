package io.scaleguard.adapters.rest.observability;

/**
 * How a request-log line says what it says: {@link #TEXT} as readable {@code key=value} pairs, {@link #JSON} as one
 * JSON object, which the process's JSON log formatter then carries as the line's {@code message}.
 */
public enum RequestLogFormat {
    TEXT,
    JSON
}
