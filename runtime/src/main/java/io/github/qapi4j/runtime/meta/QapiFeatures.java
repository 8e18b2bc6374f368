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
 * The element's QAPI features, in schema order, special ones ({@code deprecated},
 * {@code unstable}) included; those also appear as {@link Deprecated} and {@link Unstable}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.RECORD_COMPONENT,
        ElementType.PARAMETER})
public @interface QapiFeatures {
    String[] value();
}
