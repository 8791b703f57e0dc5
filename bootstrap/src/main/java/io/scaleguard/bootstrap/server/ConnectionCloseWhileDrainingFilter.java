package io.scaleguard.bootstrap.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.function.BooleanSupplier;

/**
 * While the server drains, every answer says {@code Connection: close}: the client (nginx, say) then opens its next
 * connection elsewhere instead of sending another request down this one, and Grizzly closes it after the answer.
 */
final class ConnectionCloseWhileDrainingFilter implements ContainerResponseFilter {

    private final BooleanSupplier draining;

    ConnectionCloseWhileDrainingFilter(BooleanSupplier draining) {
        this.draining = draining;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (draining.getAsBoolean()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
