/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time byte work for {@link QemuJsonParser} and {@link EnumCodec}. */
final class Bytes {
    /** Eight bytes as a little-endian long: the first byte is the lowest. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /**
     * Whether {@code a[ai..ai+n)} equals {@code b[bi..bi+n)} (both in range: checked by the
     * caller). Compares words, the last one overlapping the one before, so short names take one
     * or two comparisons and no byte loop.
     */
    static boolean same(byte[] a, int ai, byte[] b, int bi, int n) {
        if (n >= 8) {
            int k = 0;
            for (; k + 8 < n; k += 8) {
                if ((long) LONGS.get(a, ai + k) != (long) LONGS.get(b, bi + k)) {
                    return false;
                }
            }
            return (long) LONGS.get(a, ai + n - 8) == (long) LONGS.get(b, bi + n - 8);
        }
        if (n >= 4) {
            return (int) INTS.get(a, ai) == (int) INTS.get(b, bi)
                    && (int) INTS.get(a, ai + n - 4) == (int) INTS.get(b, bi + n - 4);
        }
        for (int k = 0; k < n; k++) {
            if (a[ai + k] != b[bi + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cheap hash of {@code b[off..off+len)} for small open-addressing tables of names: the
     * length and the first, middle and last bytes, no loop. Collisions only cost a probe.
     */
    static int hash(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len * 0x9E3779B1 + b[off] * 31 + b[off + (len >> 1)] * 961 + b[off + len - 1] * 29791;
        return h ^ (h >>> 16);
    }

    /**
     * The number of ASCII digits that {@code w} (eight bytes, little-endian) starts with, 0 to 8.
     */
    static int leadingDigits(long w) {
        long x = w ^ 0x3030303030303030L; // a digit becomes 0..9
        // High bit set in each byte that is 10 or more: the lowest such byte is exact, as no
        // carry reaches it from the digits below.
        long t = ((x + 0x7676767676767676L) | x) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(t) >>> 3;
    }

    /**
     * The value of the {@code n} (1 to 8) ASCII digits that {@code w} (eight bytes,
     * little-endian) starts with.
     */
    static long digits(long w, int n) {
        long v = (w & 0x0F0F0F0F0F0F0F0FL) << ((8 - n) << 3); // the digits to the top, zeros below
        v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
        return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
    }
}
