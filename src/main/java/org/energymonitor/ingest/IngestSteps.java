package org.energymonitor.ingest;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The per-message steps of {@code routes/ingest.camel.yaml} as plain processors, so that every MQTT message costs
 * one method call per step instead of a bean-parameter or OGNL expression each. Each step reads and writes the same
 * exchange properties and headers the route names:
 * <ul>
 * <li>{@link #receive receiveMessage}: counts the message ({@code received}); properties {@code received}, {@code topic}, {@code device}, {@code payload}; the body as
 * checked UTF-8 text; header {@value #KIND} = {@code lwt}, {@code reading} or {@code state} from the topic;</li>
 * <li>(the route's {@code unmarshal} step parses the text into a JSON tree with {@link PayloadGuard#jsonMapper()})</li>
 * <li>{@link #transform transformMessage}: the JSON tree into a {@link Reading} (header {@value #KIND} {@code reading}), or a
 * message without meter data (header {@value #KIND} {@code state} or {@code ignored}); the header
 * {@value #RETAINED_HEADER} (set by the MQTT consumer) tells a retained message;</li>
 * <li>{@link #gate gateReading}: the reading through merge and plausibility into a {@link Checked}; header {@value #CLEAN} is
 * true when it is exactly one accepted reading, which is then the body.</li>
 * </ul>
 * A bad message throws {@link QuarantineException}; the route's error handler quarantines it with its reason.
 */
public final class IngestSteps {

    /** Header: what the message is (lwt, reading, state, ignored). */
    public static final String KIND = "EnergyKind";
    /** Header: the checked reading is the body and goes straight to the batch. */
    public static final String CLEAN = "EnergyClean";
    private static final String TOPIC_HEADER = "CamelMqttTopic";
    private static final String RETAINED_HEADER = "CamelPahoMqtt5Retained";

    private IngestSteps() {
    }

    /** The step {@code receiveMessage}: counts, records and checks the raw message. */
    public static Processor receive(PayloadGuard guard, IngestCounters counters, Clock clock) {
        return exchange -> {
            counters.count("received");
            Message in = exchange.getIn();
            String topic = in.getHeader(TOPIC_HEADER, String.class);
            Object payload = in.getBody();
            exchange.setProperty("received", clock.millis());
            exchange.setProperty("topic", topic);
            exchange.setProperty("payload", payload);
            exchange.setProperty("device", guard.device(topic));
            in.setBody(guard.text(payload instanceof byte[] bytes ? bytes : in.getBody(byte[].class)));
            in.setHeader(KIND, guard.kind(topic));
        };
    }

    /** The step {@code transformMessage}: the JSON tree into a reading or a message without meter data. */
    public static Processor transform(TasmotaTransform transform) {
        return exchange -> {
            Message in = exchange.getIn();
            Transformed t = transform.transform(exchange.getProperty("topic", String.class), in.getBody(JsonNode.class),
                    exchange.getProperty("received", Long.class), Boolean.TRUE.equals(in.getHeader(RETAINED_HEADER)));
            in.setHeader(KIND, t.kind());
            in.setBody(t.reading() != null ? t.reading() : t);
        };
    }

    /** The step {@code gateReading}: a reading through merge and plausibility. */
    public static Processor gate(ReadingGate gate) {
        return exchange -> {
            Message in = exchange.getIn();
            Checked checked = gate.admit(in.getBody(Reading.class));
            boolean clean = checked.isClean();
            in.setHeader(CLEAN, clean);
            in.setBody(clean ? checked.accepted() : checked);
        };
    }
}
