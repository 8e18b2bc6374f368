/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.JsonInputException;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated strict decoders against QEMU 7.2's own input visitor, as an oracle: each request
 * below has arguments QEMU rejects before running the command, and the generated server-side
 * decoding of QEMU 7.2's schema must reject it with QEMU's very text. Unions, nested and
 * flattened; alternates; enums; lists; integers of every width; 'size'; 'any'; unexpected members
 * at depth.
 */
class StrictDecodingOracleTest {
    @TempDir
    Path dir;

    /** command, arguments: every one malformed, so that QEMU never runs the command. */
    static final String[][] CASES = {
        {"blockdev-add", "{}"},
        {"blockdev-add", "{\"driver\": \"nope\"}"},
        {"blockdev-add", "{\"driver\": 5}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"size\": \"x\"}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"size\": 1.5}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"size\": 18446744073709551616}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"discard\": \"bogus\"}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"cache\": {\"direct\": \"yes\"}}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"cache\": {\"bogus\": true}}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"bogus\": 1, \"size\": \"x\"}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": 5}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": null}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": {\"driver\": \"nope\"}}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": {\"driver\": \"file\"}}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": \"f\", \"backing\": 5}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": \"f\", \"encrypt\": {\"format\": \"nope\"}}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": \"f\", \"encrypt\": {\"format\": \"aes\", \"key-secret\": 1}}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": \"f\", \"overlap-check\": {\"template\": 1}}"},
        {"blockdev-add", "{\"driver\": \"quorum\", \"children\": [\"a\", 5], \"vote-threshold\": 1}"},
        {"blockdev-add", "{\"driver\": \"quorum\", \"children\": {}, \"vote-threshold\": 1}"},
        {"blockdev-add", "{\"driver\": \"file\", \"filename\": \"/x\", \"aio\": \"nope\"}"},
        {"object-add", "{\"qom-type\": \"nope\", \"id\": \"x\"}"},
        {"object-add", "{\"qom-type\": \"memory-backend-ram\", \"id\": \"m\", \"size\": \"1G\"}"},
        {"object-add", "{\"qom-type\": \"memory-backend-ram\", \"id\": \"m\"}"},
        {"object-add", "{\"qom-type\": \"iothread\", \"id\": \"t\", \"poll-max-ns\": \"1\"}"},
        {"query-named-block-nodes", "{\"flat\": \"yes\"}"},
        {"migrate-set-parameters", "{\"downtime-limit\": 1.5}"},
        {"migrate-set-parameters", "{\"throttle-trigger-threshold\": 300}"},
        {"migrate-set-parameters", "{\"compress-level\": -1}"},
        {"migrate-set-parameters", "{\"tls-creds\": 5}"},
        {"query-cpu-model-expansion", "{\"type\": \"full\", \"model\": {}}"},
        {"query-cpu-model-expansion", "{\"type\": \"nope\", \"model\": {\"name\": \"x\"}}"},
        {"migrate-set-parameters", "{\"max-cpu-throttle\": 256}"},
        {"migrate-set-parameters", "{\"multifd-channels\": 65536}"},
        {"migrate-set-parameters", "{\"block-incremental\": null}"},
        {"transaction", "{\"actions\": \"x\"}"},
        {"transaction", "{\"actions\": [{\"type\": \"nope\"}]}"},
        {"transaction", "{\"actions\": [{\"type\": \"abort\", \"data\": {\"x\": 1}}]}"},
        {"transaction", "{\"actions\": [{\"type\": \"block-dirty-bitmap-add\", \"data\": {\"node\": \"n\"}}]}"},
        {"transaction", "{\"actions\": [], \"properties\": {\"completion-mode\": \"nope\"}}"},
        {"netdev_add", "{\"type\": \"user\", \"id\": \"n\", \"ipv4\": \"x\"}"},
        {"netdev_add", "{\"type\": \"nope\", \"id\": \"n\"}"},
        {"qom-set", "{\"path\": \"/\", \"property\": \"x\"}"},
        {"cont", "{\"x\": 1}"},
        {"set_link", "{\"name\": 1, \"up\": true}"},
        {"set_link", "{\"name\": \"n\", \"up\": \"true\"}"},
        {"block-job-set-speed", "{\"device\": \"j\", \"speed\": \"fast\"}"},
        {"blockdev-backup", "{\"device\": \"a\", \"target\": \"b\", \"sync\": \"full\", \"on-source-error\": \"x\"}"},
        {"block-dirty-bitmap-merge", "{\"node\": \"n\", \"target\": \"t\", \"bitmaps\": [5]}"},
        {"block-dirty-bitmap-merge", "{\"node\": \"n\", \"target\": \"t\", \"bitmaps\": [{\"node\": \"a\"}]}"},
        {"screendump", "{\"filename\": \"/tmp/x\", \"format\": \"gif\"}"},
        {"input-send-event", "{\"events\": [{\"type\": \"key\", \"data\": {\"down\": true, \"key\": {\"type\": \"number\", \"data\": \"x\"}}}]}"},
        {"send-key", "{\"keys\": [{\"type\": \"qcode\", \"data\": \"nope\"}]}"},
        {"chardev-add", "{\"id\": \"c\", \"backend\": {\"type\": \"socket\", \"data\": {\"addr\": {\"type\": \"unix\", \"data\": {}}}}}"},
        {"chardev-add", "{\"id\": \"c\", \"backend\": {}}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"cache\": []}"},
        {"blockdev-add", "{\"driver\": \"\"}"},
        {"blockdev-add", "{\"driver\": \"n\u00fcll\"}"},
        {"migrate-set-parameters", "{\"throttle-trigger-threshold\": 1.5}"},
        {"block-job-set-speed", "{\"device\": \"j\", \"speed\": 9223372036854775808}"},
        {"object-add", "{\"qom-type\": \"memory-backend-ram\", \"id\": \"m\", \"size\": 1.5}"},
        {"block-set-write-threshold", "{\"node-name\": \"n\", \"write-threshold\": 18446744073709551616}"},
        {"block-set-write-threshold", "{\"node-name\": \"n\", \"write-threshold\": 1.5}"},
        {"block-set-write-threshold", "{\"node-name\": \"n\", \"write-threshold\": \"1\"}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": [\"f\"]}"},
        {"blockdev-add", "{\"driver\": \"qcow2\", \"file\": true}"},
        {"migrate-set-parameters", "{\"tls-creds\": [null]}"},
        {"object-add", "{\"qom-type\": \"secret\", \"id\": \"s\", \"data\": \"x\", \"format\": 1}"},
    };

    @Test
    void sameRejectionsAsQemu() throws Exception {
        QapiSchemaCommands accepting = accepting(QapiSchemaCommands.class);
        try (Qemu qemu = Qemu.start(dir); QmpClient qmp = QmpClient.connect(UnixDomainSocketAddress.of(qemu.socket))) {
            List<String> mismatches = mismatches(qmp, CASES,
                    (command, args, g) -> QapiSchemaCommandDispatcher.dispatch(accepting, command, args, g));
            assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        }
    }

    /** A generated dispatcher's {@code dispatch} with its implementation bound. */
    interface Dispatch {
        boolean dispatch(String command, JsonValue arguments, JsonGenerator out) throws Exception;
    }

    /** An implementation of a generated command interface whose every method reports that it was reached. */
    static <T> T accepting(Class<T> commands) {
        return commands.cast(Proxy.newProxyInstance(commands.getClassLoader(), new Class<?>[] {commands},
                (proxy, m, a) -> {
                    throw new AcceptedException();
                }));
    }

    /**
     * Sends each malformed request to the peer and through {@code ours}; returns the cases whose
     * error texts differ (or where one side accepted).
     */
    static List<String> mismatches(QmpClient peer, String[][] cases, Dispatch ours) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases) {
            JsonObject args = (JsonObject) QemuJson.parse(c[1]);
            String theirs;
            try {
                peer.execute(c[0], args);
                theirs = "(accepted)";
            } catch (QmpError e) {
                theirs = e.description();
            }
            String mine;
            try (JsonGenerator g = QemuJson.generator(new ByteArrayOutputStream())) {
                mine = ours.dispatch(c[0], args, g) ? "(no decoding error, and no call?)" : "(no such command)";
            } catch (JsonInputException e) {
                mine = e.getMessage();
            } catch (AcceptedException e) {
                mine = "(accepted)";
            }
            if (!mine.equals(theirs)) {
                mismatches.add(c[0] + " " + c[1] + "\n    peer:    " + theirs + "\n    qapi4j:  " + mine);
            }
        }
        return mismatches;
    }

    /** The decoder accepted the arguments and called the implementation. */
    private static final class AcceptedException extends RuntimeException {
        AcceptedException() {
            super(null, null, false, false);
        }
    }
}
