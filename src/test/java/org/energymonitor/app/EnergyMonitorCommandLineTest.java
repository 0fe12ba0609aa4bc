package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The jar's command line: help for every command, and a bad option is one line and exit code 2. */
class EnergyMonitorCommandLineTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = EnergyMonitor.run(args);
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void help_after_a_command_prints_the_usage_instead_of_running_it() throws Exception {
        for (String command : new String[] {"simulate-history", "import-original", "rebuild-rollups", "restore"}) {
            Outcome r = run(command, "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            assertTrue(r.out().contains("simulate-history --days N"), command + ": " + r.out());
            assertFalse(r.out().contains("bench-"), "the benchmarks live in the lab jar: " + r.out());
        }
    }

    @Test
    void an_option_without_its_value_is_one_line_on_stderr_and_exit_code_2() throws Exception {
        Outcome r = run("simulate-history", "--days");
        assertEquals(2, r.code());
        assertEquals("simulate-history: --days needs a value", r.err().strip());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void an_unknown_command_prints_the_usage_with_exit_code_2() throws Exception {
        Outcome r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown command: frobnicate"), r.err());
        assertTrue(r.out().contains("Usage: java -jar energy-monitor.jar"), r.out());
    }
}
