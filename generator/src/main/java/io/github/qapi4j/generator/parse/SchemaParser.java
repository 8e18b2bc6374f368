/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.IoErrors;
import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Reads a QAPI schema file and, depth-first, every file it includes: the syntax (through the
 * ANTLR grammar), {@code include} and {@code pragma} directives, and documentation blocks with
 * their placement rules. Produces the flattened expressions for the checks.
 *
 * <p>Errors are QEMU's, raised in QEMU's order: the first error met while reading wins.
 */
public final class SchemaParser {

    private final Path baseDir;
    private final boolean lenientDocs;
    private final Set<Path> included = new HashSet<>();
    private final List<TopLevel> expressions = new ArrayList<>();
    private final List<DocComment> docs = new ArrayList<>();
    private final PragmaState pragmas = new PragmaState();
    private final ReadAhead readAhead;

    private SchemaParser(Path baseDir, boolean lenientDocs, ReadAhead readAhead) {
        this.baseDir = baseDir;
        this.lenientDocs = lenientDocs;
        this.readAhead = readAhead;
    }

    /**
     * Parses {@code fileName}, resolved against {@code baseDir}; messages name files as built from
     * {@code fileName} (QEMU's harness runs from the schema's directory with a bare file name).
     */
    public static ParsedSchema parse(Path baseDir, String fileName, boolean lenientDocs) throws SchemaException {
        try (ReadAhead readAhead = new ReadAhead(baseDir, lenientDocs)) {
            SchemaParser parser = new SchemaParser(baseDir, lenientDocs, readAhead);
            LexedFile root = readAhead.get(fileName);
            if (root.readError != null) {
                throw new SchemaException(Diagnostic.unlocated(
                        "can't read schema file '" + fileName + "': " + IoErrors.strerror(root.readError)));
            }
            parser.included.add(parser.absolute(fileName));
            try {
                parser.parseFile(fileName, SourceInfo.root(fileName), root);
            } catch (SyntaxError e) {
                throw e.error();
            }
            return new ParsedSchema(fileName, parser.expressions, parser.docs, parser.pragmas.toPragmas());
        }
    }

    private Path absolute(String fileName) {
        return baseDir.resolve(fileName).toAbsolutePath().normalize();
    }

    private void parseFile(String fileName, SourceInfo fileInfo, LexedFile file) throws SchemaException {
        if (file.decodeError != null) {
            throw file.decodeError.locate(fileInfo);
        }
        QapiTokenSource tokenSource = new QapiTokenSource(file, fileInfo);
        QapiTokenStream tokens = new QapiTokenStream(tokenSource);
        ValueParser parser = new ValueParser(tokens, tokenSource);

        DocComment curDoc = null;
        while (true) {
            Token t = tokens.LT(1);
            if (t.getType() == Token.EOF) {
                break;
            }
            SourceInfo info = fileInfo.atLine(t.getLine());
            if (t instanceof DocBlockToken block) {
                rejectExprDoc(curDoc);
                curDoc = parseDoc(block, tokens, fileInfo);
                docs.add(curDoc);
                tokens.consume();
                continue;
            }
            Value value = parser.topLevelValue().v;
            if (!(value instanceof ObjectValue expr)) {
                throw SchemaException.at(info, "top-level expression must be an object");
            }
            if (expr.has("include")) {
                rejectExprDoc(curDoc);
                include(fileName, expr, info);
            } else if (expr.has("pragma")) {
                rejectExprDoc(curDoc);
                if (expr.size() != 1) {
                    throw SchemaException.at(info, "invalid 'pragma' directive");
                }
                if (!(expr.get("pragma") instanceof ObjectValue pragma)) {
                    throw SchemaException.at(info, "value of 'pragma' must be an object");
                }
                for (Map.Entry<String, Value> e : pragma.members().entrySet()) {
                    pragmas.set(e.getKey(), e.getValue(), info);
                }
            } else {
                if (curDoc != null && curDoc.isFreeForm()) {
                    throw SchemaException.at(curDoc.info(), "definition documentation required");
                }
                expressions.add(new TopLevel.Definition(info, expr, curDoc));
            }
            curDoc = null;
        }
        rejectExprDoc(curDoc);
    }

    private DocComment parseDoc(DocBlockToken block, TokenStream tokens, SourceInfo fileInfo) throws SchemaException {
        try {
            PreparsedDoc pre = block.preparsed();
            if (pre == null) {
                // QEMU reads the token after a closed block before the block's end checks
                return DocParser.parse(block.lines(), lenientDocs, () -> tokens.LT(2));
            }
            if (pre.closingReached()) {
                tokens.LT(2);
            }
            if (pre.error() != null) {
                throw pre.error(fileInfo);
            }
            return pre.comment(fileInfo);
        } catch (SchemaException e) {
            // A block ended by a token that is itself bad: QEMU's lexer fails on that token
            // before it can complain that the block lacks its closing '##'.
            SyntaxError terminal = block.terminalError();
            DocLine last = block.lines().get(block.lines().size() - 1);
            Diagnostic d = e.first();
            if (terminal != null && d.info() != null && d.info().line() == last.info().line()
                    && d.column() == last.column()) {
                throw terminal.error();
            }
            throw e;
        }
    }

    private static void rejectExprDoc(DocComment doc) throws SchemaException {
        if (doc != null && !doc.isFreeForm()) {
            throw SchemaException.at(
                    doc.info(), "documentation for '" + doc.symbol() + "' is not followed by the definition");
        }
    }

    private void include(String fileName, ObjectValue expr, SourceInfo info) throws SchemaException {
        if (expr.size() != 1) {
            throw SchemaException.at(info, "invalid 'include' directive");
        }
        if (!(expr.get("include") instanceof StringValue includeValue)) {
            throw SchemaException.at(info, "value of 'include' must be a string");
        }
        String include = includeValue.value();
        String inclFileName = joinPath(dirName(fileName), include);
        expressions.add(new TopLevel.Include(info, inclFileName));

        Path inclAbs = absolute(inclFileName);
        for (SourceInfo inf = info; inf != null; inf = inf.parent()) {
            if (inclAbs.equals(absolute(inf.fileName()))) {
                throw SchemaException.at(info, "inclusion loop for " + include);
            }
        }
        if (!included.add(inclAbs)) {
            return;
        }
        LexedFile file = readAhead.get(inclFileName);
        if (file.readError != null) {
            throw SchemaException.at(info, "can't read include file '" + inclFileName + "': " + IoErrors.strerror(file.readError));
        }
        parseFile(inclFileName, SourceInfo.included(inclFileName, info), file);
    }

    /** Python's os.path.dirname. */
    static String dirName(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String head = path.substring(0, slash + 1);
        String stripped = head.replaceAll("/+$", "");
        return stripped.isEmpty() ? head : stripped;
    }

    /** Python's os.path.join of two components. */
    static String joinPath(String dir, String name) {
        if (name.startsWith("/") || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The grammar's parser, wired to QEMU's error behaviour and duplicate-key check. */
    private static final class ValueParser extends QapiParser {
        private final QapiTokenSource tokenSource;

        ValueParser(TokenStream input, QapiTokenSource tokenSource) {
            super(input);
            this.tokenSource = tokenSource;
            removeErrorListeners();
            setBuildParseTree(false);
            setErrorHandler(new QapiErrorStrategy(tokenSource));
        }

        @Override
        protected void checkDuplicateKey(Map<String, Value> members, String key) {
            if (members.containsKey(key)) {
                throw tokenSource.error(getCurrentToken(), "duplicate key '" + key + "'");
            }
        }
    }

    /** Pragma values as they are read; a later pragma replaces an earlier one. */
    private static final class PragmaState {
        boolean docRequired;
        List<String> commandNameExceptions = List.of();
        List<String> commandReturnsExceptions = List.of();
        List<String> documentationExceptions = List.of();
        List<String> memberNameExceptions = List.of();

        void set(String name, Value value, SourceInfo info) throws SchemaException {
            switch (name) {
                case "doc-required" -> {
                    if (!(value instanceof BoolValue b)) {
                        throw SchemaException.at(info, "pragma 'doc-required' must be boolean");
                    }
                    docRequired = b.value();
                }
                case "command-name-exceptions" -> commandNameExceptions = strings(name, value, info);
                case "command-returns-exceptions" -> commandReturnsExceptions = strings(name, value, info);
                case "documentation-exceptions" -> documentationExceptions = strings(name, value, info);
                case "member-name-exceptions" -> memberNameExceptions = strings(name, value, info);
                default -> throw SchemaException.at(info, "unknown pragma '" + name + "'");
            }
        }

        private static List<String> strings(String name, Value value, SourceInfo info) throws SchemaException {
            if (value instanceof ArrayValue array) {
                List<String> result = new ArrayList<>(array.elements().size());
                for (Value v : array.elements()) {
                    if (!(v instanceof StringValue s)) {
                        result = null;
                        break;
                    }
                    result.add(s.value());
                }
                if (result != null) {
                    return result;
                }
            }
            throw SchemaException.at(info, "pragma " + name + " must be a list of strings");
        }

        Pragmas toPragmas() {
            return new Pragmas(
                    docRequired,
                    commandNameExceptions,
                    commandReturnsExceptions,
                    documentationExceptions,
                    memberNameExceptions);
        }
    }
}
