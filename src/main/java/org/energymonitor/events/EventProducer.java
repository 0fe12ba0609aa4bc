package org.energymonitor.events;

import java.util.Collection;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Puts one event, or one per element when the body is a collection (a stored batch), on the event's queue as a map
 * ({@link EventPayloads}); never waits. Without a consuming route it does nothing at all, so the product's own
 * events cost nothing until an operator route asks for them. A full queue drops the event and counts it.
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
        if (!endpoint.hasConsumers()) {
            return;
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof Collection<?> items) {
            for (Object item : items) {
                offer(item);
            }
        } else if (body != null) {
            offer(body);
        }
    }

    private void offer(Object item) {
        Exchange event = endpoint.createExchange();
        event.getMessage().setBody(EventPayloads.payload(endpoint.event(), item));
        if (endpoint.getQueue().offer(event)) {
            counters.published(endpoint.event());
        } else {
            counters.dropped(endpoint.event());
        }
    }
}
