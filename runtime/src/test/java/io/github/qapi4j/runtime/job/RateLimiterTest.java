/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private long now = 1_000_000_000L;
    private final RateLimiter limiter = new RateLimiter(() -> now);

    @Test
    void unlimitedNeverDelays() {
        assertThat(limiter.delayAfter(1L << 40)).isZero();
    }

    @Test
    void firstChunkGoesThroughThenTheSliceStretches() {
        limiter.setSpeed(262144); // quota 26214 per 100 ms
        assertThat(limiter.sliceQuota()).isEqualTo(26214);
        long delay = limiter.delayAfter(65536);
        assertThat(delay).isEqualTo((long) (65536.0 / 26214 * 100_000_000L));
        now += delay + 1;
        assertThat(limiter.delayAfter(100)).isZero(); // a new slice
    }

    @Test
    void speedOneHasQuotaOne() {
        limiter.setSpeed(1);
        assertThat(limiter.sliceQuota()).isEqualTo(1);
        assertThat(limiter.delayAfter(524288)).isPositive();
    }
}
