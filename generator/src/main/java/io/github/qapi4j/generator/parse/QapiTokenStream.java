/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.Arrays;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's token stream: what {@link org.antlr.v4.runtime.CommonTokenStream} does for a
 * source whose tokens are all on the default channel ({@link QapiTokenSource} drops comments),
 * without the channel scans, and fetching tokens from the source at exactly the same moments
 * (the first when the stream is first used, the next one whenever one is consumed, more only
 * when looked ahead to), which is when their lexical errors are raised.
 */
final class QapiTokenStream implements TokenStream {

    private final QapiTokenSource source;
    private Token[] tokens = new Token[64];
    /** Number of tokens fetched. */
    private int n;
    /** Index of the current token; -1 before the first use. */
    private int p = -1;
    private boolean fetchedEof;

    QapiTokenStream(QapiTokenSource source) {
        this.source = source;
    }

    /** Makes sure token {@code i} has been fetched, unless end of input comes first. */
    private boolean sync(int i) {
        while (n <= i) {
            if (fetchedEof) {
                return false;
            }
            Token t = source.nextToken();
            if (n == tokens.length) {
                tokens = Arrays.copyOf(tokens, n * 2);
            }
            tokens[n++] = t;
            if (t.getType() == Token.EOF) {
                fetchedEof = true;
            }
        }
        return true;
    }

    private void lazyInit() {
        if (p == -1) {
            sync(0);
            p = 0;
        }
    }

    @Override
    public Token LT(int k) {
        lazyInit();
        if (k == 0) {
            return null;
        }
        if (k < 0) {
            int i = p + k;
            return i < 0 ? null : tokens[i];
        }
        int i = p;
        for (int m = 1; m < k; m++) {
            if (sync(i + 1)) {
                i++;
            }
        }
        return tokens[i];
    }

    @Override
    public int LA(int i) {
        return LT(i).getType();
    }

    @Override
    public void consume() {
        boolean skipEofCheck = p >= 0 && (fetchedEof ? p < n - 1 : p < n);
        if (!skipEofCheck && LA(1) == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        if (sync(p + 1)) {
            p++;
        }
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        lazyInit();
        sync(index);
        p = Math.min(index, n - 1);
    }

    @Override
    public int mark() {
        return 0;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public Token get(int index) {
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("token index " + index + " out of range 0.." + (n - 1));
        }
        return tokens[index];
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, n - 1));
    }

    @Override
    public String getText(Interval interval) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, interval.a); i <= interval.b && i < n; i++) {
            if (tokens[i].getType() == Token.EOF) {
                break;
            }
            sb.append(tokens[i].getText());
        }
        return sb.toString();
    }

    @Override
    public String getText(RuleContext ctx) {
        return ctx.getText();
    }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) {
            return "";
        }
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
