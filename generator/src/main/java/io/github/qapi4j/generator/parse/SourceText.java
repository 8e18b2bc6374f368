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

    private SourceText(String text) {
        this.text = text;
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
            int column = column(before.substring(lineStart));
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

    /**
     * QEMU's column of the character that follows {@code linePrefix} (the text from the start of
     * the physical line): 1 at the start of the line, +1 per character, and for a tab
     * {@code ((col + 7) % 8) + 1}.
     */
    static int column(CharSequence linePrefix) {
        int col = 1;
        for (int i = 0; i < linePrefix.length(); i++) {
            char ch = linePrefix.charAt(i);
            if (Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(linePrefix.charAt(i - 1))) {
                continue; // one code point, already counted
            }
            col = ch == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }

    /** The last line of the text (without its final newline): where QEMU puts end of input. */
    String lastLine() {
        int end = text.length() - 1;
        int start = text.lastIndexOf('\n', end - 1) + 1;
        return text.substring(start, end);
    }
}
