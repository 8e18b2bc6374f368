/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in for the lexer: cuts a schema file's text into the {@link DocLine} lists that
 * {@link DocParser#parse} expects. Comments run from {@code #} (outside a string) to the end of
 * the line; a comment starting with {@code ##} opens a block, which ends at the next comment
 * starting with {@code ##}, at the next non-comment token, or at the end of the input (then the
 * terminating element is the final newline). Columns use QEMU's tab rule.
 */
final class DocBlocks {

    private DocBlocks() {}

    static List<List<DocLine>> of(String fileName, String text) {
        String src = text.isEmpty() || text.charAt(text.length() - 1) != '\n' ? text + "\n" : text;
        SourceInfo root = SourceInfo.root(fileName);
        List<List<DocLine>> blocks = new ArrayList<>();
        List<DocLine> block = null;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                if (i == n - 1) {
                    break;
                }
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '#') {
                int end = src.indexOf('\n', i);
                String comment = src.substring(i, end);
                DocLine dl = new DocLine(root.atLine(line), column(src, lineStart, i), comment);
                if (block == null) {
                    if (comment.startsWith("##")) {
                        block = new ArrayList<>();
                        block.add(dl);
                    }
                } else {
                    block.add(dl);
                    if (comment.startsWith("##")) {
                        blocks.add(block);
                        block = null;
                    }
                }
                i = end;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (block != null) {
                    block.add(new DocLine(root.atLine(line), column(src, lineStart, i), null));
                    blocks.add(block);
                    block = null;
                }
                if (c == '\'') {
                    i++;
                    while (i < n && src.charAt(i) != '\'' && src.charAt(i) != '\n') {
                        i += src.charAt(i) == '\\' ? 2 : 1;
                    }
                }
                i++;
            }
        }
        if (block != null) {
            block.add(new DocLine(root.atLine(line), column(src, lineStart, n - 1), null));
            blocks.add(block);
        }
        return blocks;
    }

    static int column(String src, int from, int to) {
        int col = 1;
        for (int k = from; k < to; k++) {
            col = src.charAt(k) == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }
}
