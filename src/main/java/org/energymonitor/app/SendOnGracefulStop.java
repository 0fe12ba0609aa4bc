package org.energymonitor.app;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Service;
import org.apache.camel.spi.ShutdownPrepared;

/**
 * A route step that lets a route act on a graceful stop, which a Camel route has no step for. Per message it does
 * nothing. When Camel's shutdown strategy prepares the route it sits in for a graceful stop (SIGTERM,
 * {@code Main.stop}), it sends one message with an empty body to {@code uri}. The strategy prepares the routes in the
 * reverse of their start order while every {@code direct:} route still runs, and only then waits for what is in
 * flight; so a step in a route that starts after store-readings sends before store-readings' aggregator completes
 * its last batch, and what the message adds to the batch is written.
 */
final class SendOnGracefulStop implements Processor, ShutdownPrepared, Service {

    private final CamelContext context;
    private final String uri;
    private ProducerTemplate template;

    SendOnGracefulStop(CamelContext context, String uri) {
        this.context = context;
        this.uri = uri;
    }

    @Override
    public void process(Exchange exchange) {
        // only the stop matters
    }

    /** Sends the message on a graceful stop; not on a suspend (the routes go on later), not when forced (too late). */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (!suspendOnly && !forced && template != null) {
            template.sendBody(uri, null);
        }
    }

    @Override
    public void start() {
        if (template == null) {
            template = context.createProducerTemplate();
        }
    }

    @Override
    public void stop() {
        if (template != null) {
            template.stop();
            template = null;
        }
    }
}
