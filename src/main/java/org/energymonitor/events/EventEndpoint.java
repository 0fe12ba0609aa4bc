package org.energymonitor.events;

import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.seda.BlockingQueueFactory;
import org.apache.camel.component.seda.SedaEndpoint;

/** One event's endpoint: camel-seda's queue and consumers, with {@link EventProducer} as the producer. */
final class EventEndpoint extends SedaEndpoint {

    private final EventCounters counters;
    private EventName event;

    EventEndpoint(String uri, Component component, BlockingQueueFactory<Exchange> factory, int concurrentConsumers,
                  EventCounters counters) {
        super(uri, component, factory, concurrentConsumers);
        this.counters = counters;
    }

    void event(EventName name) {
        this.event = name;
    }

    EventName event() {
        return event;
    }

    @Override
    public Producer createProducer() {
        return new EventProducer(this, counters);
    }
}
