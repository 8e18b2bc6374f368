#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Whole-process `qapi4j generate` against QEMU's own QAPI generator, in turns, on this machine.

    benchmarks/bin/generate-vs-qemu.py [ROUNDS] [CONTENDER...]

Contenders run one after the other, round after round (the order rotates), so that this machine's
drift (a third within the hour) falls on all of them alike:

  qemu-10.2  QEMU 10.2's scripts/qapi-gen.py -b on QEMU 10.2.50's schema (C for the system
             emulator, as QEMU's build runs it): issue 3's reference
  ours-10.2  ./qapi4j generate on the same schema: issue 3's target
  qemu-10.0  QEMU 10.0's generator on QEMU 10.0's own schema (qapi/ of its source package)
  ours-10.0  ./qapi4j generate on that same schema
  qemu-7.2   QEMU 7.2's generator on QEMU 7.2.0's schema
  ours-7.2   ./qapi4j generate on QEMU 7.2.0's schema

Without CONTENDER names, all six run. QEMU's generators come from Debian's source packages of
QEMU: bookworm's (7.2, the version of the qemu-system-x86 that the interoperability tests drive),
trixie's (10.0) and unstable's 10.2.2, each fetched once with `apt-get source` into
~/.cache/qapi4j/ (root and Debian's mirror needed; only scripts/qapi-gen.py, scripts/qapi/ and,
for 10.0, qapi/ are unpacked; nothing of QEMU is copied into this project). QEMU 7.2's and 10.0's
generators cannot read the 10.2.50 schema (newer doc syntax), so they run on their own schemas.

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
CACHE = os.path.expanduser("~/.cache/qapi4j")
# QEMU version -> (Debian suites with its source package, package version to fetch, cache folder,
# extra paths to unpack)
QEMU = {
    "7.2": (("bookworm", "bookworm-security"), "qemu/bookworm", "qemu-src", ()),
    "10.0": (("trixie", "trixie-security"), "qemu/trixie", "qemu10-src", ("*/qapi/*",)),
    # the newest 10.2 in unstable when this was written; any QEMU 10.2 source package will do
    "10.2": (("sid",), "qemu=1:10.2.2+ds-1", "qemu102-src", ()),
}


def qemu_source(version):
    """The unpacked part of QEMU VERSION's source package, fetching it on first use."""
    suites, package, folder, extra = QEMU[version]
    cache = os.path.join(CACHE, folder)
    found = glob.glob(os.path.join(cache, "qemu-*", "scripts", "qapi-gen.py"))
    if found:
        return os.path.dirname(os.path.dirname(found[0]))
    os.makedirs(cache, exist_ok=True)
    sources = f"/etc/apt/sources.list.d/qapi4j-qemu-{version}-src.sources"
    # deb-src entries, only while fetching (the machine's own lists stay untouched).
    with open(sources, "w") as f:
        for suite in suites:
            uri = "http://deb.debian.org/debian" + ("-security" if suite.endswith("-security") else "")
            f.write(f"Types: deb-src\nURIs: {uri}\nSuites: {suite}\nComponents: main\n"
                    "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n")
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        # the suite's current QEMU source: upstream plus Debian's fixes
        subprocess.run(["apt-get", "source", "--download-only", "-qq", package], cwd=cache, check=True)
    finally:
        os.remove(sources)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
    tarball = glob.glob(os.path.join(cache, "qemu_*.orig.tar.xz"))[0]
    subprocess.run(["tar", "xJf", tarball, "--wildcards", "*/scripts/qapi-gen.py", "*/scripts/qapi/*",
                    *extra], cwd=cache, check=True)
    found = glob.glob(os.path.join(cache, "qemu-*", "scripts", "qapi-gen.py"))
    return os.path.dirname(os.path.dirname(found[0]))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    wanted = sys.argv[2:] or ["qemu-10.2", "ours-10.2", "qemu-10.0", "ours-10.0", "qemu-7.2", "ours-7.2"]
    ours = os.path.join(ROOT, "qapi4j")

    def qemu(version, schema=None):
        src = qemu_source(version)
        schema = schema or os.path.join(src, "qapi", "qapi-schema.json")
        return lambda out: ["python3", os.path.join(src, "scripts", "qapi-gen.py"), "-b", "-o", out, schema]

    def ours_on(schema):
        return lambda out: [ours, "generate", "-o", out, "--package", "org.qemu.qmp", schema]

    s72 = os.path.join(DATA, "qemu-7.2.0", "qapi", "qapi-schema.json")
    s10 = os.path.join(DATA, "qemu-10.2.50", "qapi", "qapi-schema.json")
    known = {
        "qemu-10.2": lambda: qemu("10.2", s10),
        "qemu-10.0": lambda: qemu("10.0"),
        "ours-10.0": lambda: ours_on(os.path.join(qemu_source("10.0"), "qapi", "qapi-schema.json")),
        "ours-10.2": lambda: ours_on(s10),
        "qemu-7.2": lambda: qemu("7.2", s72),
        "ours-7.2": lambda: ours_on(s72),
    }
    for name in wanted:
        if name not in known:
            sys.exit(f"unknown contender {name}; known: {' '.join(known)}")
    contenders = [(name, known[name]()) for name in wanted]
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
