package org.energymonitor.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 2: the rollup tables, their meta table and the trigger that keeps them in step with
 * {@code readings}. Every column of a bucket is an aggregate that can be merged with another bucket's:
 * <ul>
 * <li>{@code n}, {@code first_ts}, {@code last_ts}: readings in the bucket and their first and last time;</li>
 * <li>{@code p_n}, {@code p_min}, {@code p_max}, {@code p_sum}: readings with a power value, its min, max, sum;</li>
 * <li>{@code pw_sum}, {@code w_sum}: the time-weighted sums, Σ p·w and Σ w, over readings with a power value, where
 * w is the time since the meter's previous reading capped at {@link Rollup#MAX_WEIGHT_MS} (0 for its first);</li>
 * <li>{@code imp_first}/{@code imp_first_ts}, {@code imp_last}/{@code imp_last_ts} and the same for {@code exp_}:
 * the first and last non-null import/export counter in the bucket with their times;</li>
 * <li>{@code l1_n}/{@code l1_sum} … {@code l3_n}/{@code l3_sum}: count and sum of each phase power.</li>
 * </ul>
 * The trigger computes w when a row arrives; a reading that arrives out of order leaves the weight of the reading
 * after it stale until {@code rebuild-rollups}. INSERT OR IGNORE of a key that exists fires no trigger.
 */
final class RollupSchema {

    static final String COLUMNS = "meter, bucket, n, first_ts, last_ts, p_n, p_min, p_max, p_sum, pw_sum, w_sum, "
            + "imp_first, imp_first_ts, imp_last, imp_last_ts, exp_first, exp_first_ts, exp_last, exp_last_ts, "
            + "l1_n, l1_sum, l2_n, l2_sum, l3_n, l3_sum";

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS %s (
              meter TEXT NOT NULL, bucket INTEGER NOT NULL,
              n INTEGER NOT NULL, first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
              p_n INTEGER NOT NULL, p_min REAL, p_max REAL, p_sum REAL NOT NULL, pw_sum REAL NOT NULL,
              w_sum INTEGER NOT NULL,
              imp_first REAL, imp_first_ts INTEGER, imp_last REAL, imp_last_ts INTEGER,
              exp_first REAL, exp_first_ts INTEGER, exp_last REAL, exp_last_ts INTEGER,
              l1_n INTEGER NOT NULL, l1_sum REAL NOT NULL, l2_n INTEGER NOT NULL, l2_sum REAL NOT NULL,
              l3_n INTEGER NOT NULL, l3_sum REAL NOT NULL,
              PRIMARY KEY (meter, bucket)
            ) WITHOUT ROWID""";

    /** One reading as a bucket of its own, merged into the stored bucket (the new row is NEW, w its weight). */
    private static final String UPSERT = """
              INSERT INTO %1$s (%2$s)
              SELECT NEW.meter, %3$s, 1, NEW.ts, NEW.ts, NEW.power_w IS NOT NULL, NEW.power_w, NEW.power_w,
                coalesce(NEW.power_w, 0), coalesce(NEW.power_w * g.w, 0), CASE WHEN NEW.power_w IS NULL THEN 0 ELSE g.w END,
                NEW.import_kwh, CASE WHEN NEW.import_kwh IS NOT NULL THEN NEW.ts END,
                NEW.import_kwh, CASE WHEN NEW.import_kwh IS NOT NULL THEN NEW.ts END,
                NEW.export_kwh, CASE WHEN NEW.export_kwh IS NOT NULL THEN NEW.ts END,
                NEW.export_kwh, CASE WHEN NEW.export_kwh IS NOT NULL THEN NEW.ts END,
                NEW.power_l1_w IS NOT NULL, coalesce(NEW.power_l1_w, 0), NEW.power_l2_w IS NOT NULL,
                coalesce(NEW.power_l2_w, 0), NEW.power_l3_w IS NOT NULL, coalesce(NEW.power_l3_w, 0)
              FROM (SELECT coalesce(min(NEW.ts - (SELECT max(p.ts) FROM readings p
                                                  WHERE p.meter = NEW.meter AND p.ts < NEW.ts), %4$d), 0) AS w) g
              WHERE true
              ON CONFLICT (meter, bucket) DO UPDATE SET
                n = n + 1, first_ts = min(first_ts, excluded.first_ts), last_ts = max(last_ts, excluded.last_ts),
                p_n = p_n + excluded.p_n,
                p_min = coalesce(min(p_min, excluded.p_min), p_min, excluded.p_min),
                p_max = coalesce(max(p_max, excluded.p_max), p_max, excluded.p_max),
                p_sum = p_sum + excluded.p_sum, pw_sum = pw_sum + excluded.pw_sum, w_sum = w_sum + excluded.w_sum,
                %5$s
                l1_n = l1_n + excluded.l1_n, l1_sum = l1_sum + excluded.l1_sum,
                l2_n = l2_n + excluded.l2_n, l2_sum = l2_sum + excluded.l2_sum,
                l3_n = l3_n + excluded.l3_n, l3_sum = l3_sum + excluded.l3_sum;
            """;

    private static final String FIRST_LAST = """
            %1$s_first = CASE WHEN excluded.%1$s_first_ts < coalesce(%1$s_first_ts, excluded.%1$s_first_ts + 1)
                              THEN excluded.%1$s_first ELSE %1$s_first END,
                %1$s_first_ts = CASE WHEN excluded.%1$s_first_ts < coalesce(%1$s_first_ts, excluded.%1$s_first_ts + 1)
                              THEN excluded.%1$s_first_ts ELSE %1$s_first_ts END,
                %1$s_last = CASE WHEN excluded.%1$s_last_ts > coalesce(%1$s_last_ts, excluded.%1$s_last_ts - 1)
                              THEN excluded.%1$s_last ELSE %1$s_last END,
                %1$s_last_ts = CASE WHEN excluded.%1$s_last_ts > coalesce(%1$s_last_ts, excluded.%1$s_last_ts - 1)
                              THEN excluded.%1$s_last_ts ELSE %1$s_last_ts END,
            """;

    /** Which zone {@code rollup_day} was built with. */
    static final String CREATE_META = """
            CREATE TABLE IF NOT EXISTS rollup_meta (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            ) WITHOUT ROWID""";

    private RollupSchema() {
    }

    /** The statements of schema version 2 (filling the minute and hour tables from existing readings). */
    static List<String> migration() {
        List<String> sql = new ArrayList<>();
        StringBuilder trigger = new StringBuilder(
                "CREATE TRIGGER IF NOT EXISTS readings_rollups AFTER INSERT ON readings WHEN rollups_live()\nBEGIN\n");
        String firstLast = FIRST_LAST.formatted("imp") + FIRST_LAST.formatted("exp");
        for (Rollup r : Rollup.values()) {
            sql.add(CREATE.formatted(r.table()));
            trigger.append(UPSERT.formatted(r.table(), COLUMNS, r.bucketOf("NEW.ts"), Rollup.MAX_WEIGHT_MS,
                    firstLast.strip()));
        }
        sql.add(CREATE_META);
        sql.add(trigger.append("END").toString());
        sql.addAll(RollupRebuild.FILL_MINUTES_AND_HOURS);
        return sql;
    }
}
