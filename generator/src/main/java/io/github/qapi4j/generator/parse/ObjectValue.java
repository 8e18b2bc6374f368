/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code { 'key': value, ... }} object. Key order is source order and is significant.
 *
 * @param members the members in source order (unmodifiable, insertion-ordered)
 * @param line the line of the opening brace
 */
public record ObjectValue(Map<String, Value> members, int line) implements Value {

    public ObjectValue {
        // the parser's own map is handed over, not copied: nothing else holds it
        members = Collections.unmodifiableMap(
                members instanceof ParsedMembers ? members : new LinkedHashMap<>(members));
    }

    public Value get(String key) {
        return members.get(key);
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    @Override
    public String pythonRepr() {
        return members.entrySet().stream()
                .map(e -> "'" + e.getKey() + "': " + e.getValue().pythonRepr())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
