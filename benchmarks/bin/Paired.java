/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paired timing of JMH benchmark methods in one JVM: each contender runs for a short slice in
 * turn, round after round, so the machine's drift (which moves whole forks and sittings by up to
 * 1.5x here) hits every contender alike, and the ratio of each pair of neighbouring slices is
 * taken. Not a replacement for JMH (no blackhole, no forks: run it several times); a way to tell
 * a few per cent apart on a noisy machine.
 *
 * <pre>
 * java benchmarks/bin/Paired.java SECONDS CLASS JAR:METHOD JAR:METHOD...
 * </pre>
 *
 * Each {@code JAR} is loaded by a class loader of its own, so two builds of the same benchmark
 * can be compared. {@code CLASS} is the benchmark's class (a {@code @State} with a public no-arg
 * constructor and {@code setUp()}); the methods take no argument. Prints each contender's median
 * time per call, and the median of its slice-by-slice ratios to the first contender.
 */
public class Paired {
    private static final long SLICE_NANOS = 100_000_000L;

    record Contender(String label, Object state, Method method) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java Paired.java SECONDS CLASS JAR:METHOD JAR:METHOD...");
            System.exit(2);
        }
        long seconds = Long.parseLong(args[0]);
        String cls = args[1];
        List<Contender> cs = new ArrayList<>();
        Map<String, Object> states = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            int colon = args[i].lastIndexOf(':');
            String jar = args[i].substring(0, colon);
            String method = args[i].substring(colon + 1);
            Object state = states.get(jar);
            if (state == null) {
                URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                Class<?> c = Class.forName(cls, true, loader);
                state = c.getConstructor().newInstance();
                c.getMethod("setUp").invoke(state);
                states.put(jar, state);
            }
            Method m = state.getClass().getMethod(method);
            cs.add(new Contender(Path.of(jar).getFileName() + ":" + method, state, m));
        }
        int n = cs.size();
        // Warm-up: a quarter of the time, in the same alternation.
        long warm = System.nanoTime() + seconds * 250_000_000L;
        while (System.nanoTime() < warm) {
            for (Contender c : cs) {
                slice(c);
            }
        }
        List<double[]> rounds = new ArrayList<>();
        long stop = System.nanoTime() + seconds * 1_000_000_000L;
        int first = 0;
        while (System.nanoTime() < stop) {
            double[] r = new double[n];
            for (int k = 0; k < n; k++) { // rotate who goes first
                int i = (first + k) % n;
                r[i] = slice(cs.get(i));
            }
            first = (first + 1) % n;
            rounds.add(r);
        }
        for (int i = 0; i < n; i++) {
            int ii = i;
            double[] t = rounds.stream().mapToDouble(r -> r[ii]).sorted().toArray();
            double[] ratio = rounds.stream().mapToDouble(r -> r[ii] / r[0]).sorted().toArray();
            System.out.printf("%-50s median %9.3f us  min %9.3f us  ratio to first: median %.3f (quartiles %.3f-%.3f)  n=%d%n",
                    cs.get(i).label(), median(t) / 1e3, t[0] / 1e3, median(ratio), ratio[ratio.length / 4],
                    ratio[ratio.length * 3 / 4], t.length);
        }
    }

    /** Calls the method for about one slice; returns nanoseconds per call. */
    private static double slice(Contender c) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + SLICE_NANOS;
        int calls = 0;
        long t;
        Object sink = null;
        do {
            sink = c.method().invoke(c.state());
            calls++;
        } while ((t = System.nanoTime()) < end);
        if (sink == null) {
            throw new IllegalStateException(c.label() + " returned null");
        }
        return (t - t0) / (double) calls;
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
