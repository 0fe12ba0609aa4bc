package org.energymonitor.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON form of every API answer: snake_case names ({@code energy_used_kwh}), absent values left out, numbers
 * rounded to 4 decimals (0.1 Wh, 0.0001 W, hundredths of a cent) and never NaN or Infinity, which are not JSON.
 */
public final class ApiJson {

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        SimpleModule rounding = new SimpleModule("rounding");
        rounding.addSerializer(Double.class, new Rounded());
        rounding.addSerializer(double.class, new Rounded());
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(rounding)
                .build();
    }

    /** Writes a double with at most 4 decimals, or null when it is not a finite number. */
    private static final class Rounded extends StdSerializer<Double> {

        Rounded() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                gen.writeNumber(value.longValue());
            } else if (Math.abs(value) < 1e6) {
                gen.writeNumber(Math.round(value * 1e4) / 1e4);
            } else {
                gen.writeNumber(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros());
            }
        }
    }
}
