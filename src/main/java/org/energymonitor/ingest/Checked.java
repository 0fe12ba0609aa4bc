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

    /** The common case: exactly one accepted reading, nothing rejected, no new series. */
    public boolean isClean() {
        return accepted.size() == 1 && rejected.isEmpty() && newSeries.isEmpty();
    }

    public boolean hasAccepted() {
        return !accepted.isEmpty();
    }
}
