/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.introspect;

import io.github.qapi4j.generator.model.Condition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON-shaped tree whose array elements may carry a QAPI condition, like QEMU's annotated
 * introspection tree: an element whose condition is false under the build's defined symbols is
 * left out when the tree is written.
 */
public sealed interface InfoTree permits InfoTree.Obj, InfoTree.Arr, InfoTree.Str, InfoTree.Bool, InfoTree.Null {

    /** A JSON object. Keys are kept sorted, as in QEMU's generated QLit source. */
    record Obj(Map<String, InfoTree> members) implements InfoTree {
        public Obj {
            members = new TreeMap<>(members);
        }
    }

    /** A JSON array of possibly conditional elements. */
    record Arr(List<Element> elements) implements InfoTree {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    /** One array element and its condition (null: unconditional). */
    record Element(InfoTree value, Condition condition) {}

    record Str(String value) implements InfoTree {}

    record Bool(boolean value) implements InfoTree {}

    /** JSON null. */
    record Null() implements InfoTree {}

    /**
     * Writes the tree as QEMU's QMP monitor would send it: members in QEMU's QDict iteration
     * order, {@code ", "} and {@code ": "} separators, non-ASCII escaped; elements whose
     * condition does not hold under {@code defined} are left out.
     *
     * @param pretty one member per line with two-space indentation instead of QEMU's one line
     */
    static String write(InfoTree tree, Set<String> defined, boolean pretty) {
        StringBuilder sb = new StringBuilder(1 << 16);
        write(tree, defined, pretty, 0, sb);
        return sb.toString();
    }

    private static void write(InfoTree t, Set<String> defined, boolean pretty, int depth, StringBuilder sb) {
        if (t instanceof Obj o) {
            List<String> keys = QDictOrder.sort(new ArrayList<>(o.members().keySet()));
            sb.append('{');
            boolean first = true;
            for (String key : keys) {
                separator(sb, first, pretty, depth + 1);
                first = false;
                string(key, sb);
                sb.append(": ");
                write(o.members().get(key), defined, pretty, depth + 1, sb);
            }
            close(sb, first, pretty, depth, '}');
        } else if (t instanceof Arr a) {
            sb.append('[');
            boolean first = true;
            for (Element e : a.elements()) {
                if (!Condition.holds(e.condition(), defined)) {
                    continue;
                }
                separator(sb, first, pretty, depth + 1);
                first = false;
                write(e.value(), defined, pretty, depth + 1, sb);
            }
            close(sb, first, pretty, depth, ']');
        } else if (t instanceof Str s) {
            string(s.value(), sb);
        } else if (t instanceof Bool b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void separator(StringBuilder sb, boolean first, boolean pretty, int depth) {
        if (!first) {
            sb.append(pretty ? "," : ", ");
        }
        if (pretty) {
            sb.append('\n').append("  ".repeat(depth));
        }
    }

    private static void close(StringBuilder sb, boolean empty, boolean pretty, int depth, char c) {
        if (pretty && !empty) {
            sb.append('\n').append("  ".repeat(depth));
        }
        sb.append(c);
    }

    /** QEMU's JSON string escaping: quote, backslash and control characters; non-ASCII as \\uXXXX. */
    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * QEMU's QDict iteration order: a 512-bucket hash table walked bucket by bucket, the most
     * recently inserted key first within a bucket. (The runtime has the same rule for QMP
     * replies; the generator cannot depend on the runtime, so it keeps its own copy of this one
     * function.)
     */
    final class QDictOrder {
        private static final int BUCKETS = 512;

        private QDictOrder() {}

        static int bucket(String key) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            int h = 0x238F13AF * bytes.length;
            for (int i = 0; i < bytes.length; i++) {
                h += bytes[i] << ((i * 5) % 24);
            }
            h = h * 1103515243 + 12345;
            return Integer.remainderUnsigned(h, BUCKETS);
        }

        /** Keys in the order a QDict holding them, inserted in the given order, iterates them. */
        static List<String> sort(List<String> insertionOrder) {
            Integer[] idx = new Integer[insertionOrder.size()];
            int[] bucket = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
                bucket[i] = bucket(insertionOrder.get(i));
            }
            Arrays.sort(idx, (a, b) -> bucket[a] != bucket[b] ? Integer.compare(bucket[a], bucket[b])
                    : Integer.compare(b, a));
            return Arrays.stream(idx).map(insertionOrder::get).toList();
        }
    }
}
