package io.scaleguard.bootstrap.server;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Serves a request that asks to switch protocols (say {@code Upgrade: h2c}, which Java's HttpClient and curl --http2
 * send by default) as the plain HTTP/1.1 request it also is, as RFC 9110 section 7.8 allows.
 *
 * <p>The service speaks no other protocol, and Grizzly, seeing the Upgrade header with nobody to take it, stops
 * decoding the request's framing and never finishes reading it: the client hangs until it times out (Grizzly issues
 * 1972 and 2117). Grizzly announces the upgrade to the filters above its HTTP filter before it prepares the request,
 * so this filter, placed right above it, forgets the upgrade in time.
 */
final class ProtocolUpgradeRefusal extends BaseFilter implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(HttpServerFilter.class) + 1, this);
    }

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            HttpHeader request = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
            request.setIgnoreContentModifiers(false);
            request.getUpgradeDC().recycle();
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }
}
