/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.runtime.json.JsonObject;
import java.io.IOException;

/**
 * The untyped command SPI: gets the request's {@code arguments} (an empty object when absent) and
 * returns what to write as {@code return}. Throw {@link QmpError} for a QMP error; a strict
 * decoding failure or any other RuntimeException becomes a GenericError (see
 * {@link QmpError#of}). Typed handlers are built with {@link QmpCommand#typed}.
 */
@FunctionalInterface
public interface QmpHandler {
    /**
     * Runs the command.
     *
     * @param arguments the request's {@code arguments}
     * @param session the client's session (its compatibility policy, OOB state); null when called
     *     outside a server, which generated handlers take as QEMU's default policy
     * @return the return value's writer, or {@code null} for {@code {}}
     */
    Result invoke(JsonObject arguments, QmpSession session);

    /** Writes a command's return value. */
    @FunctionalInterface
    interface Result {
        void write(JsonGenerator g) throws IOException;
    }
}
