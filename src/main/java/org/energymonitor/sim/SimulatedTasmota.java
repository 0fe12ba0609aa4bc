package org.energymonitor.sim;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.energymonitor.ingest.Reading;

/**
 * A Tasmota device with an SML reading head in front of a {@link SimulatedMeter}: the bean the simulator route calls
 * every tele period. Its payload is what Tasmota publishes on {@code tele/<device>/SENSOR}: {@code Time} in local
 * wall-clock time of the zone without an offset (Tasmota's default, SetOption52 off), the counters with four decimals
 * and the power in whole watts, inside the SML group object.
 */
public final class SimulatedTasmota {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final SimulatedMeter meter;
    private final ZoneId zone;
    private final String device;
    private final String group;
    private final String importField;
    private final String exportField;
    private final String powerField;
    private long lastTs = Long.MIN_VALUE;

    public SimulatedTasmota(SimulatedMeter meter, ZoneId zone, String device, String group,
                            String importField, String exportField, String powerField) {
        this.meter = meter;
        this.zone = zone;
        this.device = device;
        this.group = group;
        this.importField = importField;
        this.exportField = exportField;
        this.powerField = powerField;
    }

    /** {@code tele/<device>/SENSOR}. */
    public String topic() {
        return "tele/" + device + "/SENSOR";
    }

    /** The SENSOR payload for now. */
    public String payload() {
        return payload(System.currentTimeMillis());
    }

    /**
     * The SENSOR payload for {@code nowMs}. A clock that steps back (NTP) repeats the last reading's time for the
     * meter, so the simulated counters never run backwards; the {@code Time} field shows the clock as it is.
     */
    public synchronized String payload(long nowMs) {
        lastTs = Math.max(lastTs, nowMs);
        Reading reading = meter.next(device, lastTs);
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Time", TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(nowMs), zone)));
            json.writeObjectFieldStart(group);
            json.writeFieldName(importField);
            json.writeNumber(fourDecimals(reading.importKwh()));
            json.writeFieldName(exportField);
            json.writeNumber(fourDecimals(reading.exportKwh()));
            json.writeNumberField(powerField, Math.round(reading.powerW()));
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the simulated payload", e);
        }
        return out.toString();
    }

    private static BigDecimal fourDecimals(double kwh) {
        return BigDecimal.valueOf(kwh).setScale(4, RoundingMode.HALF_UP);
    }
}
