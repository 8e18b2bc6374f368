/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/**
 * The QMP protocol: {@link io.github.qapi4j.runtime.qmp.QmpServer} (unix socket or TCP, QEMU's
 * greeting, negotiation, dispatch and error texts), the dispatch SPI generated command bindings
 * target ({@link io.github.qapi4j.runtime.qmp.QmpRegistry},
 * {@link io.github.qapi4j.runtime.qmp.QmpCommand}), and
 * {@link io.github.qapi4j.runtime.qmp.QmpClient}.
 */
package io.github.qapi4j.runtime.qmp;
