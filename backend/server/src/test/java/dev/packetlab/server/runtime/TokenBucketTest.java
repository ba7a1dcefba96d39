package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aNewBucketHoldsItsWholeCapacity() {
        TokenBucket b = new TokenBucket(100, 50, 0);
        assertThat(b.available(0)).isEqualTo(50);
    }

    @Test
    void itRefillsAtItsRatePerSecondOfWallClock() {
        TokenBucket b = new TokenBucket(100, 50, 0);
        b.spend(50, 0);
        assertThat(b.available(SECOND / 10)).isEqualTo(10);
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        TokenBucket b = new TokenBucket(100, 50, 0);
        assertThat(b.available(60 * SECOND)).isEqualTo(50);
    }

    @Test
    void tryTakeTakesOneTokenAndRefusesWhenNoneIsLeft() {
        TokenBucket b = new TokenBucket(1, 2, 0);
        assertThat(b.tryTake(0)).isTrue();
        assertThat(b.tryTake(0)).isTrue();
        assertThat(b.tryTake(0)).isFalse();
        assertThat(b.tryTake(SECOND)).isTrue();
    }

    @Test
    void overspendingLeavesADebtThatIsPaidBackBeforeAnyTokenIsAvailable() {
        TokenBucket b = new TokenBucket(100, 100, 0);
        b.spend(130, 0);
        assertThat(b.available(SECOND / 10)).isZero(); // -30 + 10
        assertThat(b.available(SECOND / 2)).isEqualTo(20); // -30 + 50
    }

    @Test
    void aDebtDeeperThanOneBucketfulIsForgiven() {
        TokenBucket b = new TokenBucket(100, 100, 0);
        b.spend(1_000_000, 0);
        assertThat(b.available(SECOND)).isZero(); // -100 + 100
        assertThat(b.available(SECOND + SECOND / 2)).isEqualTo(50);
    }

    @Test
    void aClockReadingFromBeforeTheLastOneAddsNothing() {
        TokenBucket b = new TokenBucket(100, 100, SECOND);
        b.spend(100, SECOND);
        assertThat(b.available(0)).isZero();
        assertThat(b.available(SECOND + SECOND / 10)).isEqualTo(10);
    }
}
