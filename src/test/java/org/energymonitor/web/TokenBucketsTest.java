package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_client_gets_its_burst_then_is_refused_until_tokens_flow_back() {
        TokenBuckets b = new TokenBuckets(10, 5);
        for (int i = 0; i < 5; i++) {
            assertTrue(b.allow("10.0.0.7", 0), "request " + i);
        }
        assertFalse(b.allow("10.0.0.7", 0));
        assertFalse(b.allow("10.0.0.7", SECOND / 20), "half a token after 50 ms");
        assertTrue(b.allow("10.0.0.7", SECOND / 10), "one token after 100 ms");
        assertFalse(b.allow("10.0.0.7", SECOND / 10));
    }

    @Test
    void clients_have_their_own_buckets_and_a_bucket_never_holds_more_than_the_burst() {
        TokenBuckets b = new TokenBuckets(10, 2);
        assertTrue(b.allow("a", 0));
        assertTrue(b.allow("a", 0));
        assertFalse(b.allow("a", 0));
        assertTrue(b.allow("b", 0), "another client is not affected");
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += b.allow("a", 3600 * SECOND) ? 1 : 0;
        }
        assertTrue(allowed == 2, "after an hour idle only the burst: " + allowed);
    }
}
