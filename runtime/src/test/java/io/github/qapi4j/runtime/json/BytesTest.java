/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The word-at-a-time helpers against plain byte loops. */
class BytesTest {

    @Property(tries = 3000)
    void leadingDigitsAndTheirValue(@ForAll("mostlyDigits") @Size(8) byte[] b) {
        long w = (long) Bytes.LONGS.get(b, 0);
        int n = 0;
        while (n < 8 && b[n] >= '0' && b[n] <= '9') {
            n++;
        }
        assertThat(Bytes.leadingDigits(w)).isEqualTo(n);
        if (n > 0) {
            assertThat(Bytes.digits(w, n)).isEqualTo(Long.parseLong(new String(b, 0, n, StandardCharsets.US_ASCII)));
        }
    }

    @Property(tries = 3000)
    void sameIsArraysEquals(@ForAll @Size(max = 24) byte[] a, @ForAll @IntRange(max = 3) int shift,
            @ForAll @IntRange(max = 23) int flip) {
        byte[] b = new byte[a.length + shift];
        System.arraycopy(a, 0, b, shift, a.length);
        assertThat(Bytes.same(a, 0, b, shift, a.length)).isTrue();
        if (a.length > 0) {
            int at = flip % a.length;
            b[shift + at] ^= 0x20;
            assertThat(Bytes.same(a, 0, b, shift, a.length)).isFalse();
            assertThat(Bytes.same(b, shift, a, 0, a.length))
                    .isEqualTo(Arrays.equals(b, shift, shift + a.length, a, 0, a.length));
        }
    }

    @Provide
    Arbitrary<byte[]> mostlyDigits() {
        Arbitrary<Byte> digit = Arbitraries.bytes().between((byte) '0', (byte) '9');
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> edge = Arbitraries.of((byte) '/', (byte) ':', (byte) 0x80, (byte) 0xB0, (byte) 0xFF, (byte) 0,
                (byte) '.', (byte) 'e', (byte) ',');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, digit), net.jqwik.api.Tuple.of(1, any),
                net.jqwik.api.Tuple.of(1, edge)).array(byte[].class);
    }
}
