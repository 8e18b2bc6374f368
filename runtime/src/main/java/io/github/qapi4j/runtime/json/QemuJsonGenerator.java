/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A {@link JsonGenerator} that writes only QEMU's format: UTF-8, {@code ": "} after a member
 * name, {@code ", "} between members and elements, a space between root values, characters
 * above U+007F as {@code \}{@code uXXXX} (each UTF-16 unit on its own, as Jackson does), control
 * characters as Jackson escapes them. Its output is byte for byte what Jackson's
 * {@code UTF8JsonGenerator} writes with {@link QemuJson#FACTORY}'s features and
 * {@link QemuJson#qemuStyle()}, but it writes separators inline from a per-level count instead
 * of calling a pretty printer, copies pre-encoded names as bytes, and escapes strings from one
 * table lookup per character.
 *
 * <p>Created by {@link QemuJson#generator(OutputStream)} (bytes flushed to a stream every 8000
 * bytes) and {@link QemuJson#encode} (one growing buffer, no stream). Settings that would change
 * the format (pretty printer, character escapes, format features) are fixed: changing them
 * throws {@link UnsupportedOperationException}, as does {@link #writeUTF8String}. Not
 * thread-safe, like every generator.
 */
public final class QemuJsonGenerator extends JsonGenerator {
    private static final int ROOT = JsonStreamContext.TYPE_ROOT;
    private static final int ARRAY = JsonStreamContext.TYPE_ARRAY;
    private static final int OBJECT = JsonStreamContext.TYPE_OBJECT;

    /** Stream mode: once the buffer has this size, it is flushed instead of grown. */
    private static final int STREAM_BUFFER = 8000;
    /** Strings are escaped in segments of this many chars (room for 6 bytes per char). */
    private static final int SEGMENT = 2048;

    /** Jackson's escapes for 0..127: 0 none, -1 {@code \}{@code u00XX}, else the char after '\'. */
    private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes();
    private static final byte[] HEX = CharTypes.copyHexBytes(true);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** Features whose state the format depends on: they keep {@link QemuJson#FACTORY}'s setting. */
    private static final int FIXED_FEATURES = Feature.QUOTE_FIELD_NAMES.getMask()
            | Feature.QUOTE_NON_NUMERIC_NUMBERS.getMask() | Feature.ESCAPE_NON_ASCII.getMask()
            | Feature.WRITE_NUMBERS_AS_STRINGS.getMask() | Feature.WRITE_BIGDECIMAL_AS_PLAIN.getMask()
            | Feature.STRICT_DUPLICATE_DETECTION.getMask() | Feature.WRITE_HEX_UPPER_CASE.getMask()
            | Feature.ESCAPE_FORWARD_SLASHES.getMask() | Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8.getMask();

    private final OutputStream out;
    private final StreamWriteConstraints constraints;
    private final int maxDepth;
    private int features;
    private ObjectCodec codec;
    private boolean closed;

    private byte[] buf;
    private int tail;

    // The innermost level: its type, how many values (array, root) or names (object) it has
    // had, whether an object's name awaits its value (": " still to write), the last name.
    private int type = ROOT;
    private int count;
    private boolean named;
    private Object name;
    // Enclosing levels, saved on start and restored on end; index 0 is the root.
    private int depth;
    private int[] types = new int[8];
    private int[] counts = new int[8];
    private Object[] names = new Object[8];
    /** Current values by depth (0 = root), allocated on first use. */
    private Object[] values;

    /** A generator flushing to {@code out} (stream mode). */
    QemuJsonGenerator(OutputStream out) {
        this(out, 512);
    }

    /** A generator into a growing buffer (see {@link #toByteArray()}). */
    QemuJsonGenerator(int initialSize) {
        this(null, initialSize);
    }

    private QemuJsonGenerator(OutputStream out, int initialSize) {
        this.out = out;
        this.buf = new byte[Math.max(initialSize, 64)];
        this.features = QemuJson.FACTORY.getGeneratorFeatures();
        this.constraints = QemuJson.FACTORY.streamWriteConstraints();
        this.maxDepth = constraints.getMaxNestingDepth();
    }

    /** Everything written so far, for a generator without a stream. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, tail);
    }

    // ---- buffer ----

    private void ensure(int n) throws IOException {
        if (buf.length - tail < n) {
            makeRoom(n);
        }
    }

    private void makeRoom(int n) throws IOException {
        if (out != null && buf.length >= STREAM_BUFFER) {
            flushBuffer();
            if (n <= buf.length) {
                return;
            }
        }
        long size = Math.max(2L * buf.length, (long) tail + n);
        if (size > Integer.MAX_VALUE - 8) {
            if ((long) tail + n > Integer.MAX_VALUE - 8) {
                throw new IOException("JSON output too large for one buffer");
            }
            size = Integer.MAX_VALUE - 8;
        }
        buf = Arrays.copyOf(buf, (int) size);
    }

    private void flushBuffer() throws IOException {
        if (tail > 0 && out != null) {
            int n = tail;
            tail = 0;
            out.write(buf, 0, n);
        }
    }

    // ---- structure ----

    /**
     * Writes what goes before a value (separator, or ": " after a name) with room for
     * {@code room} more bytes, and counts the value.
     */
    private void beforeValue(int room, String what) throws IOException {
        ensure(room + 2);
        byte[] b = buf;
        int p = tail;
        if (type == OBJECT) {
            if (!named) {
                throw new JsonGenerationException("Can not " + what + ", expecting field name (context: Object)", this);
            }
            named = false;
            b[p++] = ':';
            b[p++] = ' ';
        } else if (count++ > 0) {
            if (type == ARRAY) {
                b[p++] = ',';
            }
            b[p++] = ' ';
        }
        tail = p;
    }

    private void push(int newType) throws IOException {
        int d = depth + 1;
        if (d > maxDepth) {
            constraints.validateNestingDepth(d);
        }
        if (depth == types.length) {
            int n = depth * 2;
            types = Arrays.copyOf(types, n);
            counts = Arrays.copyOf(counts, n);
            names = Arrays.copyOf(names, n);
        }
        types[depth] = type;
        counts[depth] = count;
        names[depth] = name;
        depth = d;
        type = newType;
        count = 0;
        named = false;
        name = null;
        if (values != null && d < values.length) {
            values[d] = null;
        }
    }

    private void pop() {
        int d = --depth;
        type = types[d];
        count = counts[d];
        name = names[d];
        names[d] = null;
        named = false;
    }

    @Override
    public void writeStartObject() throws IOException {
        beforeValue(1, "start an object");
        push(OBJECT);
        buf[tail++] = '{';
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        writeStartObject();
        assignCurrentValue(forValue);
    }

    @Override
    public void writeEndObject() throws IOException {
        if (type != OBJECT) {
            throw new JsonGenerationException("Current context not Object but " + typeDesc(type), this);
        }
        ensure(1);
        buf[tail++] = '}';
        pop();
    }

    @Override
    public void writeStartArray() throws IOException {
        beforeValue(1, "start an array");
        push(ARRAY);
        buf[tail++] = '[';
    }

    @Override
    public void writeStartArray(Object forValue) throws IOException {
        writeStartArray();
        assignCurrentValue(forValue);
    }

    @Override
    public void writeStartArray(Object forValue, int size) throws IOException {
        writeStartArray(forValue);
    }

    @Override
    public void writeEndArray() throws IOException {
        if (type != ARRAY) {
            throw new JsonGenerationException("Current context not Array but " + typeDesc(type), this);
        }
        ensure(1);
        buf[tail++] = ']';
        pop();
    }

    private static String typeDesc(int t) {
        return t == OBJECT ? "Object" : t == ARRAY ? "Array" : "root";
    }

    /** Checks a name may come here and writes the separator before it, with room for {@code room}. */
    private void beforeName(int room) throws IOException {
        if (type != OBJECT || named) {
            throw new JsonGenerationException("Can not write a field name, expecting a value", this);
        }
        ensure(room + 2);
        if (count++ > 0) {
            buf[tail++] = ',';
            buf[tail++] = ' ';
        }
        named = true;
    }

    @Override
    public void writeFieldName(SerializableString n) throws IOException {
        byte[] q = n.asQuotedUTF8();
        beforeName(q.length + 2);
        byte[] b = buf;
        int p = tail;
        b[p++] = '"';
        System.arraycopy(q, 0, b, p, q.length);
        p += q.length;
        b[p++] = '"';
        tail = p;
        name = n;
    }

    @Override
    public void writeFieldName(String n) throws IOException {
        beforeName(0);
        writeQuoted(n);
        name = n;
    }

    // ---- values ----

    @Override
    public void writeString(String text) throws IOException {
        if (text == null) {
            writeNull();
            return;
        }
        beforeValue(0, "write a string");
        writeQuoted(text);
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        beforeValue(0, "write a string");
        ensure(1);
        buf[tail++] = '"';
        for (int i = offset, end = offset + len; i < end;) {
            int n = Math.min(SEGMENT, end - i);
            ensure(6 * n + 1);
            int p = tail;
            byte[] b = buf;
            for (int j = i + n; i < j; i++) {
                char c = text[i];
                if (c < 128 && ESCAPES[c] == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(c, b, p);
                }
            }
            tail = p;
        }
        ensure(1);
        buf[tail++] = '"';
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        byte[] q = text.asQuotedUTF8();
        beforeValue(q.length + 2, "write a string");
        byte[] b = buf;
        int p = tail;
        b[p++] = '"';
        System.arraycopy(q, 0, b, p, q.length);
        p += q.length;
        b[p++] = '"';
        tail = p;
    }

    /** Writes {@code s} quoted and escaped; the caller has written what goes before it. */
    private void writeQuoted(String s) throws IOException {
        int len = s.length();
        if (len <= SEGMENT) {
            ensure(6 * len + 2);
            byte[] b = buf;
            int p = tail;
            b[p++] = '"';
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c < 128 && ESCAPES[c] == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(c, b, p);
                }
            }
            b[p++] = '"';
            tail = p;
            return;
        }
        ensure(1);
        buf[tail++] = '"';
        for (int i = 0; i < len;) {
            int n = Math.min(SEGMENT, len - i);
            ensure(6 * n + 1);
            byte[] b = buf;
            int p = tail;
            for (int j = i + n; i < j; i++) {
                char c = s.charAt(i);
                if (c < 128 && ESCAPES[c] == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(c, b, p);
                }
            }
            tail = p;
        }
        ensure(1);
        buf[tail++] = '"';
    }

    /** Writes the escape for {@code c} (a char that needs one) at {@code p}; returns the new end. */
    private static int escape(char c, byte[] b, int p) {
        b[p++] = '\\';
        if (c < 128) {
            int e = ESCAPES[c];
            if (e > 0) {
                b[p++] = (byte) e;
                return p;
            }
        }
        b[p++] = 'u';
        b[p++] = HEX[c >> 12];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        beforeValue(1, "write a string");
        buf[tail++] = '"';
        writeBytes(text, offset, len);
        ensure(1);
        buf[tail++] = '"';
    }

    /** Unsupported: Jackson writes such text's non-ASCII bytes unescaped, QEMU's format escapes them. */
    @Override
    public void writeUTF8String(byte[] text, int offset, int len) {
        throw new UnsupportedOperationException(
                "QemuJsonGenerator does not support writeUTF8String; use writeString(String)");
    }

    @Override
    public void writeNumber(int v) throws IOException {
        beforeValue(11, "write a number");
        tail = NumberOutput.outputInt(v, buf, tail);
    }

    @Override
    public void writeNumber(long v) throws IOException {
        beforeValue(20, "write a number");
        tail = NumberOutput.outputLong(v, buf, tail);
    }

    @Override
    public void writeNumber(BigInteger v) throws IOException {
        if (v == null) {
            writeNull();
            return;
        }
        writeNumberText(v.toString());
    }

    @Override
    public void writeNumber(double v) throws IOException {
        String s = NumberOutput.toString(v, isEnabled(Feature.USE_FAST_DOUBLE_WRITER));
        if (NumberOutput.notFinite(v)) {
            writeString(s); // QUOTE_NON_NUMERIC_NUMBERS, as Jackson does by default
        } else {
            writeNumberText(s);
        }
    }

    @Override
    public void writeNumber(float v) throws IOException {
        String s = NumberOutput.toString(v, isEnabled(Feature.USE_FAST_DOUBLE_WRITER));
        if (NumberOutput.notFinite(v)) {
            writeString(s);
        } else {
            writeNumberText(s);
        }
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
        if (v == null) {
            writeNull();
            return;
        }
        writeNumberText(v.toString());
    }

    /** A number's text, written as is (as Jackson does: no check that it is a number). */
    @Override
    public void writeNumber(String encoded) throws IOException {
        if (encoded == null) {
            writeNull();
            return;
        }
        writeNumberText(encoded);
    }

    @Override
    public void writeNumber(char[] encoded, int offset, int len) throws IOException {
        writeNumber(new String(encoded, offset, len));
    }

    private void writeNumberText(String s) throws IOException {
        beforeValue(0, "write a number");
        writeRawText(s, 0, s.length());
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        beforeValue(5, "write a boolean value");
        byte[] w = v ? TRUE : FALSE;
        System.arraycopy(w, 0, buf, tail, w.length);
        tail += w.length;
    }

    @Override
    public void writeNull() throws IOException {
        beforeValue(4, "write a null");
        System.arraycopy(NULL, 0, buf, tail, 4);
        tail += 4;
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) throws IOException {
        _verifyOffsets(data.length, offset, len);
        String encoded = variant.encode(Arrays.copyOfRange(data, offset, offset + len), true);
        beforeValue(0, "write a binary value");
        writeRawText(encoded, 0, encoded.length());
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int dataLength) throws IOException {
        byte[] bytes;
        if (dataLength < 0) {
            bytes = data.readAllBytes();
        } else {
            bytes = data.readNBytes(dataLength);
            if (bytes.length < dataLength) {
                throw new JsonGenerationException("Too few bytes available: missing " + (dataLength - bytes.length)
                        + " bytes (out of " + dataLength + ")", this);
            }
        }
        writeBinary(variant, bytes, 0, bytes.length);
        return bytes.length;
    }

    @Override
    public void writeObject(Object value) throws IOException {
        if (value == null) {
            writeNull();
        } else if (codec != null) {
            codec.writeValue(this, value);
        } else {
            _writeSimpleObject(value);
        }
    }

    @Override
    public void writeTree(TreeNode tree) throws IOException {
        if (tree == null) {
            writeNull();
        } else if (codec != null) {
            codec.writeTree(this, tree);
        } else {
            throw new IllegalStateException("No ObjectCodec defined for the generator, cannot write a TreeNode");
        }
    }

    // ---- raw ----

    @Override
    public void writeRaw(String text) throws IOException {
        writeRawText(text, 0, text.length());
    }

    @Override
    public void writeRaw(String text, int offset, int len) throws IOException {
        _verifyOffsets(text.length(), offset, len);
        writeRawText(text, offset, len);
    }

    @Override
    public void writeRaw(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        writeRawText(new String(text, offset, len), 0, len);
    }

    @Override
    public void writeRaw(char c) throws IOException {
        if (Character.isSurrogate(c)) {
            throw new JsonGenerationException("Split surrogate on writeRaw() input (last character)", this);
        }
        writeRawText(String.valueOf(c), 0, 1);
    }

    @Override
    public void writeRaw(SerializableString text) throws IOException {
        byte[] u = text.asUnquotedUTF8();
        writeBytes(u, 0, u.length);
    }

    @Override
    public void writeRawValue(String text) throws IOException {
        beforeValue(0, "write a raw (unencoded) value");
        writeRawText(text, 0, text.length());
    }

    @Override
    public void writeRawValue(String text, int offset, int len) throws IOException {
        _verifyOffsets(text.length(), offset, len);
        beforeValue(0, "write a raw (unencoded) value");
        writeRawText(text, offset, len);
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        beforeValue(0, "write a raw (unencoded) value");
        writeRawText(new String(text, offset, len), 0, len);
    }

    private void writeBytes(byte[] src, int offset, int len) throws IOException {
        if (len <= 4 * STREAM_BUFFER || out == null) {
            ensure(len);
            System.arraycopy(src, offset, buf, tail, len);
            tail += len;
        } else {
            flushBuffer();
            out.write(src, offset, len);
        }
    }

    /** {@code s[offset, offset + len)} as UTF-8, unescaped; a lone surrogate is an error. */
    private void writeRawText(String s, int offset, int len) throws IOException {
        int end = offset + len;
        for (int i = offset; i < end;) {
            int n = Math.min(SEGMENT, end - i);
            ensure(3 * n + 1);
            byte[] b = buf;
            int p = tail;
            for (int j = i + n; i < j; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (!Character.isSurrogate(c)) {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    if (!Character.isHighSurrogate(c) || i + 1 >= end || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        tail = p;
                        throw new JsonGenerationException("Split or invalid surrogate on writeRaw() input", this);
                    }
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F)); // 4 bytes: within the segment's room
                }
            }
            tail = p;
        }
    }

    // ---- configuration and state ----

    @Override
    public Version version() {
        return PackageVersion.VERSION;
    }

    @Override
    public JsonGenerator setCodec(ObjectCodec oc) {
        codec = oc;
        return this;
    }

    @Override
    public ObjectCodec getCodec() {
        return codec;
    }

    @Override
    public JsonGenerator enable(Feature f) {
        return setFeatureMask(features | f.getMask());
    }

    @Override
    public JsonGenerator disable(Feature f) {
        return setFeatureMask(features & ~f.getMask());
    }

    @Override
    public boolean isEnabled(Feature f) {
        return (features & f.getMask()) != 0;
    }

    @Override
    public int getFeatureMask() {
        return features;
    }

    /** Only features that do not change the format may change. */
    @Override
    @Deprecated
    public JsonGenerator setFeatureMask(int values) {
        int changed = (values ^ features) & FIXED_FEATURES;
        if (changed != 0) {
            throw new UnsupportedOperationException("QemuJsonGenerator writes QEMU's format only; cannot change "
                    + Arrays.stream(Feature.values()).filter(f -> (changed & f.getMask()) != 0).toList());
        }
        features = values;
        return this;
    }

    @Override
    public JsonGenerator overrideStdFeatures(int values, int mask) {
        return setFeatureMask((features & ~mask) | (values & mask));
    }

    @Override
    public StreamWriteConstraints streamWriteConstraints() {
        return constraints;
    }

    /** The format's separators, as {@link QemuJson#qemuStyle()} writes them. */
    @Override
    public PrettyPrinter getPrettyPrinter() {
        return QemuJson.qemuStyle();
    }

    /** Only {@link QemuJson#qemuStyle()}, which this generator already writes. */
    @Override
    public JsonGenerator setPrettyPrinter(PrettyPrinter pp) {
        if (pp != QemuJson.qemuStyle()) {
            throw new UnsupportedOperationException("QemuJsonGenerator writes QEMU's separators only");
        }
        return this;
    }

    @Override
    public JsonGenerator useDefaultPrettyPrinter() {
        throw new UnsupportedOperationException("QemuJsonGenerator writes QEMU's separators only");
    }

    @Override
    public JsonGenerator setRootValueSeparator(SerializableString sep) {
        throw new UnsupportedOperationException("QemuJsonGenerator separates root values with a space only");
    }

    @Override
    public JsonGenerator setHighestNonEscapedChar(int charCode) {
        if (charCode != 127) {
            throw new UnsupportedOperationException("QemuJsonGenerator escapes every character above U+007F");
        }
        return this;
    }

    @Override
    public int getHighestEscapedChar() {
        return 127;
    }

    @Override
    public CharacterEscapes getCharacterEscapes() {
        return null;
    }

    @Override
    public JsonGenerator setCharacterEscapes(CharacterEscapes esc) {
        if (esc != null) {
            throw new UnsupportedOperationException("QemuJsonGenerator uses QEMU's escapes only");
        }
        return this;
    }

    @Override
    public Object getOutputTarget() {
        return out;
    }

    @Override
    public int getOutputBuffered() {
        return tail;
    }

    @Override
    public Object currentValue() {
        return values != null && depth < values.length ? values[depth] : null;
    }

    @Override
    public void assignCurrentValue(Object v) {
        setValueAt(depth, v);
    }

    @Override
    @Deprecated
    public Object getCurrentValue() {
        return currentValue();
    }

    @Override
    @Deprecated
    public void setCurrentValue(Object v) {
        assignCurrentValue(v);
    }

    private void setValueAt(int d, Object v) {
        if (values == null || d >= values.length) {
            if (v == null) {
                return;
            }
            values = values == null ? new Object[Math.max(8, d + 1)] : Arrays.copyOf(values, Math.max(2 * values.length, d + 1));
        }
        values[d] = v;
    }

    /** A snapshot of the levels (a new chain on each call); its current values are the generator's. */
    @Override
    public JsonStreamContext getOutputContext() {
        Context c = null;
        for (int d = 0; d <= depth; d++) {
            boolean top = d == depth;
            int t = top ? type : types[d];
            // Jackson counts an object's member when its value starts, this generator at its name
            int n = top ? count - (named ? 1 : 0) : counts[d];
            Object nm = top ? name : names[d];
            c = new Context(c, t, n - 1, d, nm);
        }
        return c;
    }

    private final class Context extends JsonStreamContext {
        private final Context parent;
        private final Object name;

        Context(Context parent, int type, int index, int depth, Object name) {
            super(type, index);
            this.parent = parent;
            this._nestingDepth = depth;
            this.name = name;
        }

        @Override
        public JsonStreamContext getParent() {
            return parent;
        }

        @Override
        public String getCurrentName() {
            return name == null ? null : name instanceof SerializableString s ? s.getValue() : (String) name;
        }

        @Override
        public Object getCurrentValue() {
            return values != null && _nestingDepth < values.length ? values[_nestingDepth] : null;
        }

        @Override
        public void setCurrentValue(Object v) {
            setValueAt(_nestingDepth, v);
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        if (out != null && isEnabled(Feature.FLUSH_PASSED_TO_STREAM)) {
            out.flush();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Ends open arrays and objects (AUTO_CLOSE_JSON_CONTENT), flushes, closes the stream (AUTO_CLOSE_TARGET). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (isEnabled(Feature.AUTO_CLOSE_JSON_CONTENT)) {
            while (type != ROOT) {
                ensure(1);
                buf[tail++] = (byte) (type == OBJECT ? '}' : ']');
                pop();
            }
        }
        flushBuffer();
        if (out != null) {
            if (isEnabled(Feature.AUTO_CLOSE_TARGET)) {
                out.close();
            } else if (isEnabled(Feature.FLUSH_PASSED_TO_STREAM)) {
                out.flush();
            }
        }
    }
}
