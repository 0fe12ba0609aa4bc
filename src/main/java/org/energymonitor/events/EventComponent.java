package org.energymonitor.events;

import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.BlockingQueueFactory;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.component.seda.SedaEndpoint;

/**
 * The {@code event:<name>} endpoints of the documented events: a camel-seda queue per event, bounded
 * ({@code energy.events.queue-size}), shared by every route that consumes the event (each event reaches all of
 * them, in turn, on the event's own thread). Kept beside camel-seda rather than plain {@code seda:} URIs so that an
 * operator writes one short {@code from:} line, a misspelt event stops start-up with the list of events, and the
 * producer never waits: it drops and counts what does not fit ({@link EventProducer}).
 */
public final class EventComponent extends SedaComponent {

    private final EventCounters counters;

    public EventComponent(int queueSize, EventCounters counters) {
        this.counters = counters;
        setQueueSize(queueSize);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EventName event = EventName.of(remaining);
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("event:" + remaining + " takes no options (" + parameters.keySet()
                    + "): every route of an event shares one queue (docs/routes.md)");
        }
        parameters.put("multipleConsumers", true);
        parameters.put("discardIfNoConsumers", true);
        Endpoint endpoint = super.createEndpoint(uri, event.id(), parameters);
        ((EventEndpoint) endpoint).event(event);
        return endpoint;
    }

    @Override
    protected SedaEndpoint createEndpoint(String uri, Component component, BlockingQueueFactory<Exchange> factory,
                                          int concurrentConsumers) {
        return new EventEndpoint(uri, component, factory, concurrentConsumers, counters);
    }

    @Override
    protected SedaEndpoint createEndpoint(String uri, Component component, BlockingQueue<Exchange> queue,
                                          int concurrentConsumers) {
        throw new UnsupportedOperationException("event endpoints make their own bounded queue");
    }
}
