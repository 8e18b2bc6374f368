/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A schema file's text as QEMU's front end sees it: UTF-8, universal newlines, always ending in a
 * newline; plus QEMU's column rule.
 */
final class SourceText {

    private final CharStream stream;

    private SourceText(CharStream stream) {
        this.stream = stream;
    }

    /**
     * Decodes a file's bytes straight into the lexer's input. A byte sequence that is not UTF-8 is
     * a located error (QEMU's front end dies with a Python exception there).
     */
    static SourceText decode(byte[] bytes, String fileName) throws DecodeError {
        byte[] input = bytes;
        if (indexOf(input, (byte) '\r') >= 0) {
            // rare: Python's universal newlines read CR LF and lone CR as LF
            input = decodeStrict(input)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n')
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (input.length == 0 || input[input.length - 1] != '\n') {
            input = Arrays.copyOf(input, input.length + 1);
            input[input.length - 1] = '\n';
        }
        try {
            return new SourceText(CharStreams.fromChannel(
                    Channels.newChannel(new ByteArrayInputStream(input)),
                    StandardCharsets.UTF_8,
                    Math.max(4096, input.length),
                    CodingErrorAction.REPORT,
                    fileName,
                    input.length));
        } catch (CharacterCodingException e) {
            decodeStrict(input); // throws the located error
            throw new IllegalStateException("UTF-8 decoding failed without a malformed byte", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    /** Strict UTF-8 decoding with the location of the first malformed byte as a schema error. */
    private static String decodeStrict(byte[] bytes) throws DecodeError {
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
        if (!result.isError()) {
            return out.toString();
        }
        String before = out.toString().replace("\r\n", "\n").replace('\r', '\n');
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int bad = bytes[in.position()] & 0xff;
        throw new DecodeError(line, column(before.substring(lineStart)), String.format("invalid UTF-8 byte 0x%02x", bad));
    }

    /** A file that is not UTF-8: where and what, to be located in the file once its include chain is known. */
    static final class DecodeError extends Exception {
        private static final long serialVersionUID = 1L;

        final int line;
        final int column;

        DecodeError(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        SchemaException locate(SourceInfo fileInfo) {
            return SchemaException.at(fileInfo.atLine(line), column, getMessage());
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The lexer's input. */
    CharStream stream() {
        return stream;
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
        int end = stream.size() - 1; // the final newline
        int start = end;
        while (start > 0 && !stream.getText(Interval.of(start - 1, start - 1)).equals("\n")) {
            start--;
        }
        return start < end ? stream.getText(Interval.of(start, end - 1)) : "";
    }
}
