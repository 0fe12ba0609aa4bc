package org.energymonitor.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CSV download as an {@link InputStream} that pulls its lines from the database only as the HTTP server reads
 * them, so a year of raw readings streams in constant memory. Closing it (or reaching the end) closes the rows.
 */
public final class CsvStream extends InputStream {

    private final CsvRows rows;
    private byte[] chunk;
    private int pos;
    private boolean done;

    public CsvStream(CsvRows rows) {
        this.rows = rows;
        this.chunk = (rows.header() + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= chunk.length) {
            if (done || !fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Reads lines until about 16 KB are buffered; false when there are no more. */
    private boolean fill() throws IOException {
        StringBuilder sb = new StringBuilder(16_384 + 256);
        try {
            String line;
            while (sb.length() < 16_384 && (line = rows.nextLine()) != null) {
                sb.append(line).append("\r\n");
            }
        } catch (Exception e) {
            close();
            throw new IOException("CSV export failed: " + e.getMessage(), e);
        }
        if (sb.length() == 0) {
            close();
            return false;
        }
        chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            rows.close();
        } catch (Exception e) {
            throw new IOException("Cannot close the CSV export: " + e.getMessage(), e);
        }
    }
}
