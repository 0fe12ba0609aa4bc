package org.energymonitor.mqtt;

import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/** True when every MQTT subscription of the running routes is connected to its broker (and there is one). */
public final class MqttConnections implements BooleanSupplier {

    private final CamelContext context;

    public MqttConnections(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean getAsBoolean() {
        int connected = 0;
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof SessionSafeConsumer mqtt) {
                if (!mqtt.isConnected()) {
                    return false;
                }
                connected++;
            }
        }
        return connected > 0;
    }
}
