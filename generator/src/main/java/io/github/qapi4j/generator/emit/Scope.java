/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * One Java namespace (the components of a record, the methods of an interface, the types of a
 * package): names the generator needs are reserved first, then schema names are claimed, and two
 * wire names that map to one Java name become a located error.
 */
final class Scope {
    private final String what;
    private final Map<String, String> owners = new HashMap<>();
    private final EmitContext ctx;

    Scope(EmitContext ctx, String what, String... reserved) {
        this.ctx = ctx;
        this.what = what;
        for (String r : reserved) {
            owners.put(r, null);
        }
    }

    /** Claims {@code javaName} for {@code wireName}; reports a clash at {@code info}. */
    String claim(String javaName, String wireName, SourceInfo info) {
        String key = javaName;
        if (owners.containsKey(key)) {
            String other = owners.get(key);
            if (other == null) {
                ctx.error(info, "'" + wireName + "' maps to Java name '" + javaName + "', which " + what
                        + " reserves");
            } else if (!other.equals(wireName)) {
                ctx.error(info, "'" + wireName + "' and '" + other + "' both map to Java name '" + javaName
                        + "' in " + what);
            }
            return javaName;
        }
        owners.put(key, wireName);
        return javaName;
    }
}
