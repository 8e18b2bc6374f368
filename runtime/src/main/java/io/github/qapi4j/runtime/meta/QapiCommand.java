/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A method that implements or calls a QAPI command, with the command's flags. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QapiCommand {
    /** The command's wire name, for example {@code job-pause}. */
    String name();

    /** {@code 'allow-oob'}. */
    boolean allowOob() default false;

    /** {@code 'success-response'}: false for commands that send no reply on success. */
    boolean successResponse() default true;

    /** {@code 'allow-preconfig'}. */
    boolean allowPreconfig() default false;

    /** {@code 'coroutine'}. */
    boolean coroutine() default false;

    /** {@code 'boxed'}: the method takes the arguments type as one parameter. */
    boolean boxed() default false;
}
