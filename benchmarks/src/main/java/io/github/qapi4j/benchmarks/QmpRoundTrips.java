/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.qapi.JobCommands;
import io.github.qapi4j.runtime.qmp.QmpClient;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Round trips of the generated typed client ({@code JobCommands.client(qmp).queryJobs()}) against
 * any QMP server: per second and p50/p99 latency for one client, then for N concurrent clients.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.qapi4j.benchmarks.QmpRoundTrips SOCKET [COUNT] [CLIENTS]
 * </pre>
 */
public final class QmpRoundTrips {
    private QmpRoundTrips() {}

    public static void main(String[] args) throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        try (QmpClient qmp = QmpClient.connect(address)) {
            JobCommands jobs = JobCommands.client(qmp);
            for (int i = 0; i < 2_000; i++) {
                jobs.queryJobs(); // warm-up
            }
            long[] lat = new long[count];
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long s = System.nanoTime();
                jobs.queryJobs();
                lat[i] = System.nanoTime() - s;
            }
            long t1 = System.nanoTime();
            Arrays.sort(lat);
            System.out.printf("1 client: %d round trips, %.0f/s, p50 %.1f us, p99 %.1f us%n", count,
                    count / ((t1 - t0) / 1e9), lat[count / 2] / 1e3, lat[count * 99 / 100] / 1e3);
        }
        if (clients > 0) {
            int each = Math.max(1, count / clients);
            List<Thread> threads = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            long[] all = new long[each * clients];
            AtomicLong failures = new AtomicLong();
            for (int c = 0; c < clients; c++) {
                int base = c * each;
                Thread t = new Thread(() -> {
                    try (QmpClient qmp = QmpClient.connect(address)) {
                        JobCommands jobs = JobCommands.client(qmp);
                        ready.countDown();
                        go.await();
                        for (int i = 0; i < each; i++) {
                            long s = System.nanoTime();
                            jobs.queryJobs();
                            all[base + i] = System.nanoTime() - s;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        ready.countDown();
                    }
                });
                threads.add(t);
                t.start();
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long t1 = System.nanoTime();
            Arrays.sort(all);
            System.out.printf("%d clients: %d round trips, %.0f/s in all, p50 %.1f us, p99 %.1f us, %d failed%n",
                    clients, all.length, all.length / ((t1 - t0) / 1e9), all[all.length / 2] / 1e3,
                    all[all.length * 99 / 100] / 1e3, failures.get());
        }
    }
}
