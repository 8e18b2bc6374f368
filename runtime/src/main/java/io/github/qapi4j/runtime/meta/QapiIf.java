/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element exists in QEMU only when this condition holds. The text is the condition as QEMU's
 * documentation renders it: {@code CONFIG_FOO}, {@code not CONFIG_FOO},
 * {@code CONFIG_A and (CONFIG_B or CONFIG_C)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.RECORD_COMPONENT,
        ElementType.PARAMETER})
public @interface QapiIf {
    String value();
}
