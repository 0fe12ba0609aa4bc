package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private final PasswordHash hashes = new PasswordHash();

    @Test
    void a_hash_matches_its_password_and_nothing_else() {
        String h = hashes.hash("correct horse");
        assertTrue(PasswordHash.isWellFormed(h), h);
        assertTrue(hashes.matches("correct horse", h));
        assertFalse(hashes.matches("correct hors", h));
        assertFalse(hashes.matches("", h));
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertNotEquals(hashes.hash("x"), hashes.hash("x"));
    }

    @Test
    void a_malformed_hash_never_matches() {
        for (String bad : new String[] {"", "secret", "pbkdf2-sha256$1$!!$!!", "md5$1$a$b", "pbkdf2-sha256$x$a$b"}) {
            assertFalse(hashes.matches("secret", bad), bad);
        }
    }
}
