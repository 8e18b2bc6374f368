/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Java type generated from a QAPI type. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface QapiType {
    /** The QAPI name, for example {@code JobInfo}. */
    String name();

    /** The QAPI meta-type: {@code enum}, {@code struct}, {@code union}, {@code alternate}. */
    String meta();
}
