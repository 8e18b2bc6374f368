#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs JMH benchmarks from several benchmark jars in turn, round after round, and prints the
median and minimum of every measurement iteration per (benchmark, jar).

This machine's speed drifts by up to a third within an hour and now and then for a whole fork,
so a before/after comparison only means something when the two run alternately, many times.

    benchmarks/bin/jmh-alternate.py ROUNDS REGEX JAR [JAR...]

Example (two builds of benchmarks/target/benchmarks.jar copied aside):
    benchmarks/bin/jmh-alternate.py 2 'JobInfoListBenchmark.decode' /tmp/before.jar /tmp/after.jar

Each run is one fork, 5 warm-up and 5 measurement iterations of one second.
"""
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, regex, jars = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    scores = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "result.json")
        for _ in range(rounds):
            for jar in jars:
                subprocess.run(["java", "-jar", jar, regex, "-f", "1", "-wi", "5", "-w", "1", "-i", "5",
                                "-r", "1", "-rf", "json", "-rff", out],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                with open(out) as f:
                    for b in json.load(f):
                        name = b["benchmark"].rsplit(".", 2)[-2:]
                        scores[(".".join(name), jar)].extend(
                            x for fork in b["primaryMetric"]["rawData"] for x in fork)
    for (name, jar), v in sorted(scores.items()):
        print("%-45s %-24s median %.3f min %.3f n=%d" % (name, os.path.basename(jar), statistics.median(v),
                                                        min(v), len(v)))
    with open("/proc/loadavg") as f:
        print("load average:", f.read().strip())


if __name__ == "__main__":
    main()
