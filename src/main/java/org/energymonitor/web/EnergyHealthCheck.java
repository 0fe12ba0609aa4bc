package org.energymonitor.web;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** One of the service's Camel health checks (group {@code energy}): UP while {@code probe} answers true. */
public final class EnergyHealthCheck extends AbstractHealthCheck {

    public static final String GROUP = "energy";
    private final BooleanSupplier probe;

    public EnergyHealthCheck(String id, BooleanSupplier probe) {
        super(GROUP, id);
        this.probe = probe;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean up;
        try {
            up = probe.getAsBoolean();
        } catch (RuntimeException e) {
            up = false;
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
