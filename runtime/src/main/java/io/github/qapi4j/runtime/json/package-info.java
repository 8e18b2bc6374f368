/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/**
 * JSON support for generated QAPI code: {@link io.github.qapi4j.runtime.json.JsonCodec}, the
 * built-in codecs in {@link io.github.qapi4j.runtime.json.Codecs}, the {@code any} value tree
 * ({@link io.github.qapi4j.runtime.json.JsonValue}), QEMU-strict input decoding
 * ({@link io.github.qapi4j.runtime.json.Path}, {@link io.github.qapi4j.runtime.json.InputObject})
 * and QEMU's streaming message reader ({@link io.github.qapi4j.runtime.json.JsonMessageStreamer}).
 * Depends on jackson-core only.
 */
package io.github.qapi4j.runtime.json;
