/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands a server offers (QEMU's QmpCommandList). Thread-safe; commands may be added,
 * removed, disabled and enabled while clients are connected. {@code qmp_capabilities} is built
 * into the server and cannot be registered.
 */
public final class QmpRegistry {
    /** The negotiation command, always present. */
    public static final String QMP_CAPABILITIES = "qmp_capabilities";

    private final Map<String, Entry> commands = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /** A registered command and its enabled state. */
    record Entry(QmpCommand command, boolean enabled, String disableReason) {
    }

    /** Adds a command; a name can be registered once. */
    public QmpRegistry register(QmpCommand command) {
        if (command.name().equals(QMP_CAPABILITIES)) {
            throw new IllegalArgumentException(QMP_CAPABILITIES + " is built into the server");
        }
        if (commands.putIfAbsent(command.name(), new Entry(command, true, null)) != null) {
            throw new IllegalArgumentException("command " + command.name() + " is already registered");
        }
        synchronized (order) {
            order.add(command.name());
        }
        return this;
    }

    /**
     * Adds a command unless one of that name is registered (or it is {@code qmp_capabilities}).
     * Generated bindings register this way, so commands registered before them (e.g. by
     * {@link StandardCommands}) win.
     *
     * @return whether the command was added
     */
    public boolean registerIfAbsent(QmpCommand command) {
        if (command.name().equals(QMP_CAPABILITIES)) {
            return false;
        }
        synchronized (order) {
            if (commands.putIfAbsent(command.name(), new Entry(command, true, null)) != null) {
                return false;
            }
            order.add(command.name());
        }
        return true;
    }

    /** Whether a command of that name is registered. */
    public boolean contains(String name) {
        return commands.containsKey(name);
    }

    public boolean unregister(String name) {
        synchronized (order) {
            order.remove(name);
        }
        return commands.remove(name) != null;
    }

    /** Makes a command answer {@code Command <name> has been disabled[: <reason>]}. */
    public void disable(String name, String reason) {
        commands.computeIfPresent(name, (n, e) -> new Entry(e.command(), false, reason));
    }

    public void enable(String name) {
        commands.computeIfPresent(name, (n, e) -> new Entry(e.command(), true, null));
    }

    /** Whether a registered command is enabled (false for unknown names). */
    public boolean isEnabled(String name) {
        Entry e = commands.get(name);
        return e != null && e.enabled();
    }

    /** The command registered under {@code name} (to call or wrap it), if any. */
    public Optional<QmpCommand> command(String name) {
        Entry e = commands.get(name);
        return e == null ? Optional.empty() : Optional.of(e.command());
    }

    Entry lookup(String name) {
        return commands.get(name);
    }

    /** Registered command names in registration order (without {@code qmp_capabilities}). */
    public List<String> names() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }
}
