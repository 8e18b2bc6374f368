#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Whole-process `qapi4j generate` against QEMU's own QAPI generator, in turns, on this machine.

    benchmarks/bin/generate-vs-qemu.py [ROUNDS]

Three contenders run one after the other, round after round (the order rotates), so that this
machine's drift (a third within the hour) falls on all of them alike:

  qemu-7.2   QEMU 7.2's scripts/qapi-gen.py -b on QEMU 7.2.0's schema (C for the system emulator,
             as QEMU's build runs it)
  ours-7.2   ./qapi4j generate on the same schema
  ours-10.2  ./qapi4j generate on QEMU 10.2.50's schema (issue 3's target)

QEMU's generator comes from Debian bookworm's source package of QEMU (7.2, the version of the
qemu-system-x86 that the interoperability tests drive), fetched once with apt-get source into
~/.cache/qapi4j/qemu-src (root and Debian's mirror needed; only scripts/qapi-gen.py and
scripts/qapi/ are unpacked; nothing of QEMU is copied into this project). QEMU 7.2's generator cannot read the 10.2.50 schema (newer syntax),
so the paired comparison is on 7.2.0's.

Every run writes into a new directory that is deleted only after the series: on this machine's
ext4 without a journal, creating files where many were deleted in the last minute costs the
kernel a scan per file (`recently_deleted`), which made back-to-back runs after `rm -rf` slower
run by run (docs/PERFORMANCE.md, "Generator").

Prints each contender's median, minimum, user and system CPU (medians) and every wall time.
"""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "qapi-testdata")
CACHE = os.path.expanduser("~/.cache/qapi4j/qemu-src")
SOURCES = "/etc/apt/sources.list.d/qapi4j-qemu-src.sources"


def qemu_generator():
    """The path of QEMU 7.2's qapi-gen.py, fetching its source package on first use."""
    found = glob.glob(os.path.join(CACHE, "qemu-*", "scripts", "qapi-gen.py"))
    if found:
        return found[0]
    os.makedirs(CACHE, exist_ok=True)
    # deb-src entries for bookworm, only while fetching (the machine's own lists stay untouched).
    with open(SOURCES, "w") as f:
        for uri, suite in (("http://deb.debian.org/debian", "bookworm"),
                           ("http://deb.debian.org/debian-security", "bookworm-security")):
            f.write(f"Types: deb-src\nURIs: {uri}\nSuites: {suite}\nComponents: main\n"
                    "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n")
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        # bookworm's current QEMU source, 7.2 plus Debian's fixes
        subprocess.run(["apt-get", "source", "--download-only", "-qq", "qemu"], cwd=CACHE, check=True)
    finally:
        os.remove(SOURCES)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
    tarball = glob.glob(os.path.join(CACHE, "qemu_*.orig.tar.xz"))[0]
    subprocess.run(["tar", "xJf", tarball, "--wildcards", "*/scripts/qapi-gen.py", "*/scripts/qapi/*"],
                   cwd=CACHE, check=True)
    return glob.glob(os.path.join(CACHE, "qemu-*", "scripts", "qapi-gen.py"))[0]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    gen = qemu_generator()
    s72 = os.path.join(DATA, "qemu-7.2.0", "qapi", "qapi-schema.json")
    s10 = os.path.join(DATA, "qemu-10.2.50", "qapi", "qapi-schema.json")
    ours = os.path.join(ROOT, "qapi4j")
    contenders = [
        ("qemu-7.2", lambda out: ["python3", gen, "-b", "-o", out, s72]),
        ("ours-7.2", lambda out: [ours, "generate", "-o", out, "--package", "org.qemu.qmp", s72]),
        ("ours-10.2", lambda out: [ours, "generate", "-o", out, "--package", "org.qemu.qmp", s10]),
    ]
    results = {name: [] for name, _ in contenders}
    work = tempfile.mkdtemp(prefix="generate-vs-qemu-")
    try:
        for r in range(rounds + 1):  # round 0 warms caches and builds the launcher's archive
            k = r % len(contenders)
            for name, command in contenders[k:] + contenders[:k]:
                out = os.path.join(work, f"{name}-{r}")
                start = time.monotonic()
                p = subprocess.Popen(command(out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                _, status, usage = os.wait4(p.pid, 0)
                wall = time.monotonic() - start
                if status != 0:
                    sys.exit(f"{name} failed: {p.stderr.read().decode()}")
                p.stderr.close()
                if r > 0:
                    results[name].append((wall, usage.ru_utime, usage.ru_stime))
    finally:
        shutil.rmtree(work)
    for name, runs in results.items():
        walls = [w for w, _, _ in runs]
        print(f"{name:10s} median {statistics.median(walls):.3f} s  min {min(walls):.3f} s  "
              f"user {statistics.median(u for _, u, _ in runs):.2f} s  sys {statistics.median(s for _, _, s in runs):.2f} s  "
              f"runs {' '.join(f'{w:.2f}' for w in walls)}")


if __name__ == "__main__":
    main()
