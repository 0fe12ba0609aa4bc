package org.energymonitor.ingest;

import java.util.List;

/**
 * The outcome of the merge and plausibility steps for one message (or one flush of partial readings).
 *
 * @param accepted  readings to store
 * @param rejected  readings to quarantine, with their reason
 * @param newSeries accepted readings that start a new counter series of their meter
 */
public record Checked(List<Reading> accepted, List<Plausibility.Verdict> rejected, List<Plausibility.Verdict> newSeries) {

    public boolean hasAccepted() {
        return !accepted.isEmpty();
    }
}
