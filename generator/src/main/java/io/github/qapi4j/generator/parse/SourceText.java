/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A schema file's text as QEMU's front end sees it: UTF-8, universal newlines, always ending in a
 * newline; plus QEMU's column rule.
 */
final class SourceText {

    private final String text;
    private final int[] codePoints;

    private SourceText(String text) {
        this.text = text;
        this.codePoints = text.codePoints().toArray();
    }

    /**
     * Decodes a file's bytes. A byte sequence that is not UTF-8 is a located error (QEMU's front end
     * dies with a Python exception there).
     */
    static SourceText decode(byte[] bytes, SourceInfo fileInfo) throws SchemaException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String before = normaliseNewlines(out.toString());
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = column(before.substring(lineStart).codePoints().toArray(), 0, before.length() - lineStart);
            int bad = bytes[in.position()] & 0xff;
            throw SchemaException.at(
                    fileInfo.atLine(line), column, String.format("invalid UTF-8 byte 0x%02x", bad));
        }
        String text = normaliseNewlines(out.toString());
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            text += '\n';
        }
        return new SourceText(text);
    }

    /** Python's universal newlines: CR LF and lone CR read as LF. */
    private static String normaliseNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    String text() {
        return text;
    }

    /** Number of code points. */
    int length() {
        return codePoints.length;
    }

    /**
     * QEMU's column of code point {@code pos}, counting from {@code lineStart}: 1 at the start of
     * the line, +1 per character, and for a tab {@code ((col + 7) % 8) + 1}.
     */
    int column(int lineStart, int pos) {
        return column(codePoints, lineStart, pos);
    }

    private static int column(int[] cps, int from, int to) {
        int col = 1;
        for (int i = from; i < to; i++) {
            col = cps[i] == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }

    /** Index of the first code point of the line that contains code point {@code pos}. */
    int lineStart(int pos) {
        int i = pos;
        while (i > 0 && codePoints[i - 1] != '\n') {
            i--;
        }
        return i;
    }
}
