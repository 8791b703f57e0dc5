package io.scaleguard.domain.ratelimit;

import java.util.Arrays;

/**
 * The stored state of one key: when its buckets were last brought up to date, and each bucket's level in units
 * (in the order of the request's limits). A key with no state has full buckets.
 */
public final class BucketState {

    private final long updatedAtMicros;
    private final long[] levels;

    public BucketState(long updatedAtMicros, long[] levels) {
        this.updatedAtMicros = updatedAtMicros;
        this.levels = levels.clone();
    }

    public long updatedAtMicros() {
        return updatedAtMicros;
    }

    public int size() {
        return levels.length;
    }

    public long level(int index) {
        return levels[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BucketState that && updatedAtMicros == that.updatedAtMicros && Arrays.equals(levels, that.levels);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(updatedAtMicros) + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "BucketState[updatedAtMicros=" + updatedAtMicros + ", levels=" + Arrays.toString(levels) + "]";
    }
}
