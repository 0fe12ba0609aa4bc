package org.energymonitor.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The first checks on a raw MQTT message: size, encoding, topic shape and message kind; the JSON mapper. */
public final class PayloadGuard {

    private final int maxBytes;

    /**
     * The mapper of the ingestion's {@code unmarshal} step (bean {@code ingestJson}): one JSON value per message;
     * anything after it (garbage, a second object) fails, since storing the first value would store what the sender
     * did not mean, and the route quarantines the failure as not_json. NaN and Infinity are read as numbers so that
     * the transform can name them as bad_value.
     */
    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public PayloadGuard(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The payload as text; TOO_LARGE above {@code maxBytes}, NOT_UTF8 for invalid UTF-8. */
    public String text(byte[] payload) {
        if (payload == null) {
            return "";
        }
        if (payload.length > maxBytes) {
            throw new QuarantineException(Reason.TOO_LARGE, payload.length + " bytes > " + maxBytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new QuarantineException(Reason.NOT_UTF8, "invalid UTF-8 in " + payload.length + " bytes");
        }
    }

    /** The device: the topic level before the last one; BAD_TOPIC when there is none. */
    public String device(String topic) {
        return TopicLevels.device(topic);
    }

    /** "lwt" for .../LWT, "reading" for .../SENSOR, STATUS8 and STATUS10, else "state". */
    public String kind(String topic) {
        String last = TopicLevels.last(topic);
        if ("LWT".equals(last)) {
            return "lwt";
        }
        return TopicLevels.isReading(last) ? "reading" : "state";
    }

    /**
     * The Last Will text (bean {@code payloadGuard} in route {@code meter-online}): true for Online, false for
     * Offline, read trimmed and in any case; BAD_LWT otherwise.
     */
    public boolean online(String lwtText) {
        String t = lwtText == null ? "" : lwtText.trim();
        if (t.equalsIgnoreCase("Online")) {
            return true;
        }
        if (t.equalsIgnoreCase("Offline")) {
            return false;
        }
        throw new QuarantineException(Reason.BAD_LWT, "expected Online or Offline, got '" + abbreviate(t) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
