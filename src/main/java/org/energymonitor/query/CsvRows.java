package org.energymonitor.query;

/** A source of CSV lines for {@link CsvStream}: the header, then one line per row until null. */
public interface CsvRows extends AutoCloseable {

    String header();

    /** The next line without its line break, or null at the end. */
    String nextLine() throws Exception;

    @Override
    void close() throws Exception;
}
