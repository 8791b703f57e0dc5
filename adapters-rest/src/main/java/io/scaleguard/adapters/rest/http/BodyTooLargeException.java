package io.scaleguard.adapters.rest.http;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** A request body over the limit, found from its Content-Length or while it streamed in: answered 413. */
public final class BodyTooLargeException extends ClientErrorException {

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
