package org.energymonitor.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import org.apache.camel.Service;
import org.energymonitor.web.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MQTT 5 broker (HiveMQ CE), so a Tasmota head can publish straight to this host.
 * Its state (persistent sessions, queued messages) lives in {@code <data>/broker}. On a non-loopback address every
 * client must log in with the configured username and password, and an address that sends wrong ones is locked out
 * for a growing time (see {@link PasswordExtension}).
 */
public final class EmbeddedBroker implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private final BrokerSettings settings;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(BrokerSettings settings) {
        this.settings = settings;
        if (!isLoopback(settings.host()) && !settings.hasCredentials()) {
            throw new IllegalStateException("The embedded MQTT broker would listen on " + settings.host()
                    + " without a password. Set energy.mqtt.username and energy.mqtt.password "
                    + "(or keep energy.mqtt.embedded.host=127.0.0.1).");
        }
    }

    /** The URL the service's own client uses to reach this broker. */
    public String clientUrl() {
        return clientUrl(settings.host(), settings.port());
    }

    /** The URL a client on this machine uses for a broker listening on {@code host} (any address: loopback). */
    public static String clientUrl(String listenHost, int port) {
        String host = "0.0.0.0".equals(listenHost) || "::".equals(listenHost) ? "127.0.0.1" : listenHost;
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Starts the broker; a second call does nothing (Camel starts added services once more when the first route
     * starts, and a second HiveMQ on the same folder would fail and lose the running one).
     */
    @Override
    public void start() {
        if (hivemq != null) {
            return;
        }
        Path root = settings.folder();
        try {
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.createDirectories(root.resolve("extensions"));
            Files.createDirectories(root.resolve("state"));
            Files.writeString(conf.resolve("config.xml"), new BrokerConfigXml(settings).render(), StandardCharsets.UTF_8);
            EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(root.resolve("state"))
                    .withExtensionsFolder(root.resolve("extensions"))
                    .withoutLoggingBootstrap();
            if (settings.hasCredentials()) {
                builder.withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("energy-monitor-auth").withName("Energy Monitor password check")
                        .withVersion("1").withAuthor("energy-monitor").withPriority(1000).withStartPriority(1000)
                        .withExtensionMain(new PasswordExtension(settings.username(), settings.password(),
                                new LoginFailures(settings.login())))
                        .build());
            }
            hivemq = builder.build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            LOG.info("Embedded MQTT broker listening on {}:{} ({})", settings.host(), settings.port(),
                    settings.hasCredentials() ? "password required" : "no password, loopback only");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker folder " + root, e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MQTT broker did not start on " + settings.host() + ":"
                    + settings.port() + " (is the port in use?): " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (hivemq != null) {
            try {
                hivemq.stop().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("The embedded MQTT broker did not stop cleanly: {}", e.getMessage());
            }
            hivemq = null;
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("energy.mqtt.embedded.host=" + host + " is not an address of this host", e);
        }
    }
}
