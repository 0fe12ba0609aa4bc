package org.energymonitor.mqtt;

/**
 * Renders HiveMQ's {@code config.xml} for the embedded broker: one TCP listener, file or in-memory persistence, a deep offline
 * queue so readings published while the service is down are delivered when it returns, no usage statistics.
 */
final class BrokerConfigXml {

    private final BrokerSettings settings;

    BrokerConfigXml(BrokerSettings settings) {
        this.settings = settings;
    }

    String render() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                      <strategy>discard-oldest</strategy>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <persistence>
                    <mode>%s</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(settings.port(), xml(settings.host()), settings.maxQueue(),
                settings.inMemory() ? "in-memory" : "file");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
