package org.energymonitor.query;

/** Energy drawn from the grid ({@code imported}) and fed into it ({@code exported}) over some interval, in kWh. */
public record Kwh(double imported, double exported) {

    public static final Kwh ZERO = new Kwh(0, 0);
}
