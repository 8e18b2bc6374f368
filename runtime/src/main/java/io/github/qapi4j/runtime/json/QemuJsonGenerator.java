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
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A {@link JsonGenerator} that writes only QEMU's format: UTF-8, {@code ": "} after a member
 * name, {@code ", "} between members and elements, a space between root values, characters
 * above U+007F as {@code \}{@code uXXXX} (each UTF-16 unit on its own, as Jackson does), control
 * characters as Jackson escapes them. Its output is byte for byte what Jackson's
 * {@code UTF8JsonGenerator} writes with {@link QemuJson#FACTORY}'s features and
 * {@link QemuJson#qemuStyle()}, but it writes separators inline from a per-level state instead
 * of calling a pretty printer, copies pre-encoded names as bytes, and copies runs of characters
 * that need no escape in bulk.
 *
 * <p>Created by {@link QemuJson#generator(OutputStream)} (bytes flushed to a stream every 8000
 * bytes) and {@link QemuJson#encode} (one growing buffer, no stream, reused by the thread's next
 * encode: held through a {@link SoftReference}, up to 8 MiB). Settings that would change
 * the format (pretty printer, character escapes, format features) are fixed: changing them
 * throws {@link UnsupportedOperationException}, as do {@link #writeUTF8String} and
 * {@link #getOutputContext()} (no member names or indexes are tracked). Not
 * thread-safe, like every generator.
 */
// JsonGenerator.Feature's format features are deprecated for JsonWriteFeature, but they are
// what a generator reports and is configured by.
@SuppressWarnings("deprecation")
public final class QemuJsonGenerator extends JsonGenerator {
    // A level's state: what it has had and so what comes next.
    private static final int ROOT_FIRST = 0;
    private static final int ROOT_NEXT = 1; // a root value written: the next one after a space
    private static final int ARRAY_FIRST = 2;
    private static final int ARRAY_NEXT = 3; // ", " before the next element
    private static final int OBJECT_FIRST = 4; // a name next
    private static final int OBJECT_NEXT = 5; // ", " and a name next
    /** A name written with the ": " that Jackson writes only once the value starts. */
    private static final int OBJECT_VALUE = 6;
    /** A name written, its ": " taken back (raw text or flush came first): written with the value. */
    private static final int OBJECT_VALUE_NO_COLON = 7;

    /** Stream mode: once the buffer has this size, it is flushed instead of grown. */
    private static final int STREAM_BUFFER = 8000;
    /** The largest buffer {@link #finish()} keeps for the thread's next {@link #buffered()}. */
    private static final int MAX_CACHED = 8 << 20;
    private static final ThreadLocal<SoftReference<byte[]>> CACHED = new ThreadLocal<>();
    /** Strings are escaped in segments of this many chars (room for 6 bytes per char). */
    private static final int SEGMENT = 2048;
    /** Strings up to this length are escaped char by char (bulk copies cost more there). */
    private static final int SHORT = 16;

    /** Jackson's escapes for 0..127: 0 none, -1 {@code \}{@code u00XX}, else the char after '\'. */
    private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes();
    private static final byte[] HEX = CharTypes.copyHexBytes(true);

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
    /** Scratch for {@link #appendEscaped}, allocated for the first string that needs it. */
    private char[] chars;

    // The innermost level's state (one of the constants below). Neither member names nor
    // indexes are kept: that costs about a tenth of the encoding time, and only
    // getOutputContext() would use them (see there).
    private int state = ROOT_FIRST;
    // Enclosing levels' states, saved on start and restored on end; index 0 is the root.
    private int depth;
    private int[] states = new int[8];
    /** Current values by depth (0 = root), allocated on first use. */
    private Object[] values;
    /** What generated writers leave out ({@link CompatPolicy#hides(JsonGenerator, int)}). */
    private CompatPolicy compatPolicy = CompatPolicy.ACCEPT_ALL;

    /** A generator flushing to {@code out} (stream mode). */
    QemuJsonGenerator(OutputStream out) {
        this(out, 512);
    }

    private QemuJsonGenerator(OutputStream out, int initialSize) {
        this(out, new byte[Math.max(initialSize, 64)]);
    }

    private QemuJsonGenerator(OutputStream out, byte[] buf) {
        this.out = out;
        this.buf = buf;
        this.features = QemuJson.FACTORY.getGeneratorFeatures();
        this.constraints = QemuJson.FACTORY.streamWriteConstraints();
        this.maxDepth = constraints.getMaxNestingDepth();
    }

    /** The compatibility policy generated writers consult (QEMU's default unless set). */
    public CompatPolicy compatPolicy() {
        return compatPolicy;
    }

    /**
     * Sets the compatibility policy: with an output policy {@code hide}, generated writers leave
     * out members with that special feature, as QEMU's output visitor does.
     *
     * @return this generator
     */
    public QemuJsonGenerator compatPolicy(CompatPolicy policy) {
        this.compatPolicy = java.util.Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * A generator into a growing buffer, reusing the buffer this thread's last
     * {@link #finish()} gave back: encoding then allocates little more than its result.
     */
    static QemuJsonGenerator buffered() {
        SoftReference<byte[]> ref = CACHED.get();
        byte[] b = ref == null ? null : ref.get();
        if (b == null) {
            b = new byte[512];
        } else {
            CACHED.set(null); // taken: a nested encode on this thread gets its own
        }
        return new QemuJsonGenerator(null, b);
    }

    /**
     * Everything written, for a generator from {@link #buffered()}; gives the buffer back to the
     * thread (held softly, up to {@value #MAX_CACHED} bytes). The generator is unusable after.
     */
    byte[] finish() {
        byte[] result = Arrays.copyOf(buf, tail);
        if (buf.length <= MAX_CACHED) {
            SoftReference<byte[]> ref = CACHED.get();
            byte[] held = ref == null ? null : ref.get();
            if (held == null || held.length < buf.length) {
                CACHED.set(new SoftReference<>(buf));
            }
        }
        buf = null;
        return result;
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
     * Writes what goes before a value (the separator; after a name, ": " is already there) with
     * room for {@code room} more bytes.
     */
    private void beforeValue(int room) throws IOException {
        if (buf.length - tail < room + 2) {
            makeRoom(room + 2);
        }
        int st = state;
        if (st == OBJECT_VALUE) {
            state = OBJECT_NEXT;
        } else {
            beforeOtherValue(st);
        }
    }

    private void beforeOtherValue(int st) throws IOException {
        switch (st) {
            case ARRAY_NEXT -> {
                buf[tail++] = ',';
                buf[tail++] = ' ';
            }
            case ARRAY_FIRST -> state = ARRAY_NEXT;
            case ROOT_FIRST -> state = ROOT_NEXT;
            case ROOT_NEXT -> buf[tail++] = ' ';
            case OBJECT_VALUE_NO_COLON -> {
                buf[tail++] = ':';
                buf[tail++] = ' ';
                state = OBJECT_NEXT;
            }
            default -> throw new JsonGenerationException("Can not write a value, expecting field name (context: Object)",
                    this);
        }
    }

    /**
     * Before raw text or a flush: takes back the ": " after a name, which Jackson writes only when
     * the value starts. It is still in the buffer: nothing flushes between a name and the next call.
     */
    private void takeBackColon() {
        if (state == OBJECT_VALUE) {
            tail -= 2;
            state = OBJECT_VALUE_NO_COLON;
        }
    }

    private void push(int newState) throws IOException {
        int d = depth;
        if (d >= maxDepth || d + 1 == states.length) {
            deeper(d + 1);
        }
        states[d] = state;
        depth = d + 1;
        state = newState;
        if (values != null && d + 1 < values.length) {
            values[d + 1] = null;
        }
    }

    private void deeper(int d) throws IOException {
        if (d > maxDepth) {
            constraints.validateNestingDepth(d);
        }
        if (d >= states.length) {
            int n = states.length * 2;
            states = Arrays.copyOf(states, n);
        }
    }

    private void pop() {
        int d = --depth;
        state = states[d];
    }

    @Override
    public void writeStartObject() throws IOException {
        beforeValue(1);
        push(OBJECT_FIRST);
        buf[tail++] = '{';
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        writeStartObject();
        assignCurrentValue(forValue);
    }

    @Override
    public void writeEndObject() throws IOException {
        int st = state;
        if (st < OBJECT_FIRST) {
            throw new JsonGenerationException("Current context not Object but " + typeDesc(st), this);
        }
        if (st == OBJECT_VALUE) { // a name without a value: Jackson writes no ": "
            tail -= 2;
        }
        if (tail == buf.length) {
            makeRoom(1);
        }
        buf[tail++] = '}';
        pop();
    }

    @Override
    public void writeStartArray() throws IOException {
        beforeValue(1);
        push(ARRAY_FIRST);
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
        int st = state;
        if (st != ARRAY_FIRST && st != ARRAY_NEXT) {
            throw new JsonGenerationException("Current context not Array but " + typeDesc(st), this);
        }
        if (tail == buf.length) {
            makeRoom(1);
        }
        buf[tail++] = ']';
        pop();
    }

    private static String typeDesc(int st) {
        return st >= OBJECT_FIRST ? "Object" : st >= ARRAY_FIRST ? "Array" : "root";
    }

    /** Checks a name may come here; returns whether ", " goes before it. */
    private boolean beforeName() throws JsonGenerationException {
        int st = state;
        if (st == OBJECT_NEXT) {
            return true;
        }
        if (st != OBJECT_FIRST) {
            throw notExpectingName();
        }
        return false;
    }

    private JsonGenerationException notExpectingName() {
        return new JsonGenerationException("Can not write a field name, expecting a value", this);
    }

    @Override
    public void writeFieldName(SerializableString n) throws IOException {
        // Kept small (no branch for the comma): generated codecs call this for every member,
        // and C2 inlines it into their large write methods only while its budget lasts.
        byte[] q = n.asQuotedUTF8();
        int st = state;
        if (st != OBJECT_NEXT && st != OBJECT_FIRST) {
            throw notExpectingName();
        }
        int len = q.length;
        if (buf.length - tail < len + 6) {
            makeRoom(len + 6);
        }
        byte[] b = buf;
        int p = tail;
        b[p] = ',';
        b[p + 1] = ' ';
        p += (st - OBJECT_FIRST) << 1; // past the ", " after a member only
        b[p] = '"';
        System.arraycopy(q, 0, b, p + 1, len);
        p += len + 1;
        b[p] = '"';
        b[p + 1] = ':';
        b[p + 2] = ' ';
        tail = p + 3;
        state = OBJECT_VALUE;
    }

    @Override
    public void writeFieldName(String n) throws IOException {
        boolean comma = beforeName();
        ensure(2);
        if (comma) {
            buf[tail++] = ',';
            buf[tail++] = ' ';
        }
        writeQuoted(n);
        ensure(2);
        buf[tail++] = ':';
        buf[tail++] = ' ';
        state = OBJECT_VALUE;
    }

    // ---- values ----

    @Override
    public void writeString(String text) throws IOException {
        if (text == null) {
            writeNull();
            return;
        }
        beforeValue(0);
        writeQuoted(text);
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        beforeValue(0);
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
        beforeValue(q.length + 2);
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
        if (len <= SHORT) { // short: one pass over the string's chars, no bulk copies
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
        if (len <= SEGMENT) {
            ensure(6 * len + 2);
            buf[tail++] = '"';
            tail = appendEscaped(s, 0, len, buf, tail);
            buf[tail++] = '"';
            return;
        }
        ensure(1);
        buf[tail++] = '"';
        for (int i = 0; i < len; i += SEGMENT) {
            int n = Math.min(SEGMENT, len - i);
            ensure(6 * n + 1);
            tail = appendEscaped(s, i, i + n, buf, tail);
        }
        ensure(1);
        buf[tail++] = '"';
    }

    /**
     * Appends {@code s[from, to)} (at most {@link #SEGMENT} chars) escaped at {@code p}, which has
     * room for 6 bytes a char; returns the new end. The chars are copied to {@link #chars} and
     * scanned there; runs that need no escape are copied from the string in bulk (they are ASCII,
     * so {@link String#getBytes(int, int, byte[], int)} copies them exactly).
     */
    private int appendEscaped(String s, int from, int to, byte[] b, int p) {
        char[] cs = chars;
        if (cs == null) {
            cs = chars = new char[SEGMENT];
        }
        int n = to - from;
        s.getChars(from, to, cs, 0);
        int[] esc = ESCAPES;
        int k = 0;
        while (k < n) {
            int run = k;
            char c = 0;
            while (k < n && (c = cs[k]) < 128 && esc[c] == 0) {
                k++;
            }
            if (k > run) {
                s.getBytes(from + run, from + k, b, p);
                p += k - run;
            }
            if (k < n) {
                p = escape(c, b, p);
                k++;
            }
        }
        return p;
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
        beforeValue(1);
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
        beforeValue(11);
        tail = NumberOutput.outputInt(v, buf, tail);
    }

    @Override
    public void writeNumber(long v) throws IOException {
        beforeValue(20);
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
        beforeValue(0);
        writeRawText(s, 0, s.length());
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        beforeValue(5);
        byte[] b = buf;
        int p = tail;
        if (v) {
            b[p] = 't';
            b[p + 1] = 'r';
            b[p + 2] = 'u';
            b[p + 3] = 'e';
            tail = p + 4;
        } else {
            b[p] = 'f';
            b[p + 1] = 'a';
            b[p + 2] = 'l';
            b[p + 3] = 's';
            b[p + 4] = 'e';
            tail = p + 5;
        }
    }

    @Override
    public void writeNull() throws IOException {
        beforeValue(4);
        byte[] b = buf;
        int p = tail;
        b[p] = 'n';
        b[p + 1] = 'u';
        b[p + 2] = 'l';
        b[p + 3] = 'l';
        tail = p + 4;
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) throws IOException {
        _verifyOffsets(data.length, offset, len);
        String encoded = variant.encode(Arrays.copyOfRange(data, offset, offset + len), true);
        beforeValue(0);
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
        takeBackColon();
        writeRawText(text, 0, text.length());
    }

    @Override
    public void writeRaw(String text, int offset, int len) throws IOException {
        _verifyOffsets(text.length(), offset, len);
        takeBackColon();
        writeRawText(text, offset, len);
    }

    @Override
    public void writeRaw(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        takeBackColon();
        writeRawText(new String(text, offset, len), 0, len);
    }

    @Override
    public void writeRaw(char c) throws IOException {
        if (Character.isSurrogate(c)) {
            throw new JsonGenerationException("Split surrogate on writeRaw() input (last character)", this);
        }
        takeBackColon();
        writeRawText(String.valueOf(c), 0, 1);
    }

    @Override
    public void writeRaw(SerializableString text) throws IOException {
        byte[] u = text.asUnquotedUTF8();
        takeBackColon();
        writeBytes(u, 0, u.length);
    }

    @Override
    public void writeRawValue(String text) throws IOException {
        beforeValue(0);
        writeRawText(text, 0, text.length());
    }

    @Override
    public void writeRawValue(String text, int offset, int len) throws IOException {
        _verifyOffsets(text.length(), offset, len);
        beforeValue(0);
        writeRawText(text, offset, len);
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) throws IOException {
        _verifyOffsets(text.length, offset, len);
        beforeValue(0);
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
        return state == OBJECT_VALUE ? tail - 2 : tail;
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

    /**
     * Unsupported: this generator does not track member names and entry indexes (generated
     * codecs never ask for them, and tracking costs about a tenth of their encoding time).
     * {@link #currentValue()} and {@link #assignCurrentValue} work.
     */
    @Override
    public JsonStreamContext getOutputContext() {
        throw new UnsupportedOperationException(
                "QemuJsonGenerator does not track the output context (member names, entry indexes)");
    }

    @Override
    public void flush() throws IOException {
        takeBackColon();
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
            while (depth > 0) {
                if (state >= OBJECT_FIRST) {
                    writeEndObject();
                } else {
                    writeEndArray();
                }
            }
        }
        takeBackColon();
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
