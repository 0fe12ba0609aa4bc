package org.energymonitor.events;

import java.util.Collection;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * Puts one event, or one per element when the body is a collection (a stored batch), as a map
 * ({@link EventPayloads}) on the queue of every route that consumes it; never waits. Without a consuming route it
 * does nothing at all. A full queue drops the event for that route and counts it.
 */
final class EventProducer extends DefaultProducer {

    private final EventEndpoint endpoint;
    private final EventCounters counters;

    EventProducer(EventEndpoint endpoint, EventCounters counters) {
        super(endpoint);
        this.endpoint = endpoint;
        this.counters = counters;
    }

    @Override
    public void process(Exchange exchange) {
        List<SedaEndpoint> queues = endpoint.subscribers();
        if (queues.isEmpty()) {
            return;
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof Collection<?> items) {
            for (Object item : items) {
                offer(queues, item);
            }
        } else if (body != null) {
            offer(queues, body);
        }
    }

    private void offer(List<SedaEndpoint> queues, Object item) {
        Object payload = EventPayloads.payload(endpoint.event(), item);
        for (SedaEndpoint queue : queues) {
            Exchange event = queue.createExchange();
            event.getMessage().setBody(payload);
            if (queue.getQueue().offer(event)) {
                counters.published(endpoint.event());
            } else {
                counters.dropped(endpoint.event());
            }
        }
    }
}
