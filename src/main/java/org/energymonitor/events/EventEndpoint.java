package org.energymonitor.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.support.DefaultEndpoint;

/** One event: the queues of the routes that consume it, filled by {@link EventProducer}. */
final class EventEndpoint extends DefaultEndpoint {

    private final EventName event;
    private final EventCounters counters;
    private final List<SedaEndpoint> subscribers = new CopyOnWriteArrayList<>();

    EventEndpoint(String uri, EventComponent component, EventName event, EventCounters counters) {
        super(uri, component);
        this.event = event;
        this.counters = counters;
    }

    EventName event() {
        return event;
    }

    List<SedaEndpoint> subscribers() {
        return subscribers;
    }

    @Override
    public Producer createProducer() {
        return new EventProducer(this, counters);
    }

    /** The consuming route reads its own queue; the queue is subscribed from now on. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SedaEndpoint queue = ((EventComponent) getComponent()).newQueue(event);
        subscribers.add(queue);
        return queue.createConsumer(processor);
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
