package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.energymonitor.config.Settings;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.energymonitor.mqtt.MqttConnections;
import org.energymonitor.mqtt.SessionSafeEndpoints;
import org.energymonitor.sim.LoadProfile;
import org.energymonitor.sim.SimulatedMeter;
import org.energymonitor.sim.SimulatedTasmota;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.web.LoginLimits;

/**
 * The MQTT side: the broker the service reads from (the embedded one starts here, after {@link CoreConfiguration}
 * has taken the database's instance lock), the state of the intake's connections, the readings held while the
 * database takes no writes (which pause that intake), and the simulated meter. See {@link CoreConfiguration} for how
 * the bean classes work.
 */
public final class MqttConfiguration implements CamelConfiguration {

    /**
     * The connection state of the MQTT consumers, which health, /status, the metrics and the watchdog read. Made
     * once the broker is known: the embedded broker is started when {@code energy.mqtt.url} is empty, and
     * {@code energy.mqtt.broker-url} is set to the URL the routes connect to, with the MQTT login.
     */
    @BindToRegistry
    public MqttConnections mqttConnections(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        context.getCamelContextExtension().registerEndpointCallback(new SessionSafeEndpoints());
        String url = c.get("energy.mqtt.url");
        if (url.isEmpty()) {
            EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings(c.get("energy.mqtt.embedded.host"),
                    c.getInt("energy.mqtt.embedded.port"), Path.of(c.get("energy.data.dir"), "broker"),
                    c.getLong("energy.mqtt.embedded.max-queue"), c.get("energy.mqtt.username"), c.get("energy.mqtt.password"),
                    BrokerSettings.inMemory(c.get("energy.mqtt.embedded.persistence")),
                    new LoginLimits(c.getInt("energy.mqtt.embedded.login.free-failures"),
                            c.getInt("energy.mqtt.embedded.login.max-lockout-s"), 1)));
            broker.start();
            context.addService(broker, true, false);
            url = broker.clientUrl();
        }
        context.getPropertiesComponent().addOverrideProperty("energy.mqtt.broker-url", url);
        PahoMqtt5Component paho = context.getComponent("paho-mqtt5", PahoMqtt5Component.class);
        if (!c.get("energy.mqtt.username").isEmpty()) {
            paho.getConfiguration().setUserName(c.get("energy.mqtt.username"));
            paho.getConfiguration().setPassword(c.get("energy.mqtt.password"));
        }
        return new MqttConnections(context);
    }

    /** Readings held in memory while the database takes no writes; the MQTT intake pauses meanwhile. */
    @BindToRegistry
    public HeldReadings heldReadings(CamelContext context, MqttConnections intake, Clock clock) {
        return new HeldReadings(Settings.of(context).getInt("energy.ingest.max-held-readings"), clock, intake::pause,
                intake::resume);
    }

    /** The simulated Tasmota meter of routes/simulator.camel.yaml ({@code energy.simulator.*}). */
    @BindToRegistry
    public SimulatedTasmota simulatedTasmota(CamelContext context) {
        Settings c = Settings.of(context);
        SimulatedMeter meter = new SimulatedMeter(LoadProfile.h0(), c.zone(), c.getDouble("energy.simulator.yearly-kwh"),
                System.nanoTime(), 10_000.0);
        return new SimulatedTasmota(meter, c.zone(), c.get("energy.simulator.device"), c.get("energy.simulator.group"),
                c.get("energy.simulator.import-field"), c.get("energy.simulator.export-field"),
                c.get("energy.simulator.power-field"));
    }
}
