package org.energymonitor.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * The MQTT subscriptions of the running routes: true when every one is connected to its broker (and there is one);
 * {@link #pause} and {@link #resume} stop and restart the intake while the database cannot take readings.
 */
public final class MqttConnections implements BooleanSupplier {

    private final CamelContext context;

    public MqttConnections(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean getAsBoolean() {
        List<SessionSafeConsumer> all = consumers();
        return !all.isEmpty() && all.stream().allMatch(SessionSafeConsumer::isConnected);
    }

    /** True while the intake is paused on purpose (see {@link #pause}). */
    public boolean paused() {
        return consumers().stream().anyMatch(SessionSafeConsumer::isPaused);
    }

    /** Disconnects every subscription; their persistent sessions keep queuing at the broker. */
    public void pause(String reason) {
        consumers().forEach(c -> c.pauseIntake(reason));
    }

    public void resume() {
        consumers().forEach(SessionSafeConsumer::resumeIntake);
    }

    private List<SessionSafeConsumer> consumers() {
        List<SessionSafeConsumer> out = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof SessionSafeConsumer mqtt) {
                out.add(mqtt);
            }
        }
        return out;
    }
}
