/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/**
 * The qapi4j runtime: {@code json} (codec support used by generated code), {@code qmp} (the QMP
 * wire protocol, server and client) and {@code job} (a job engine that behaves like QEMU's).
 * Nothing here depends on the generator.
 */
package io.github.qapi4j.runtime;
