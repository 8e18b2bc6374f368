#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# What a no-op run of qapi4j-maven-plugin adds to a build, measured inside Maven: the time from
# Maven's "Building <project>" line to "BUILD SUCCESS" (so JVM and Maven start-up, which vary by
# hundreds of milliseconds from run to run, are left out), in two copies of the plugin's
# `job-consumer` integration test, one with the plugin and one without, run alternately.
#
#   benchmarks/bin/plugin-noop.sh [-n RUNS] [PHASE]     (default: 15 runs, process-resources)
#
# PHASE process-resources runs maven-resources-plugin too, as any real build does: then Maven's
# plugin machinery is exercised in both copies and the difference is what the plugin adds.
# PHASE generate-sources runs the qapi4j goal alone (the "without" build then runs nothing).
# Needs `mvn -B verify` first (it stages the plugin and the test projects under
# maven-plugin/its/target). Copies go to ${TMPDIR:-/tmp}/qapi4j-noop.
set -euo pipefail
n=15
if [ "${1:-}" = "-n" ]; then n=$2; shift 2; fi
phase=${1:-process-resources}
root="$(cd "$(dirname "$0")/../.." && pwd)"
repo="$root/maven-plugin/its/target/local-repo"
it="$root/maven-plugin/its/target/it/job-consumer"
[ -d "$repo" ] && [ -d "$it" ] || { echo "run mvn -B verify first" >&2; exit 2; }
work="${TMPDIR:-/tmp}/qapi4j-noop"
rm -rf "$work" && mkdir -p "$work"
sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" "$root/maven-plugin/src/it/settings.xml" > "$work/settings.xml"
cp -r "$it" "$work/with"
cp -r "$it" "$work/without"
python3 - "$work/without/pom.xml" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
a = s.index('      <plugin>\n        <groupId>io.github.qapi4j</groupId>')
b = s.index('</plugin>', a) + len('</plugin>\n')
open(p, 'w').write(s[:a] + s[b:])
PY
mvn_run() {
  (cd "$work/$1" && mvn -o -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
     -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
     "$phase" 2>&1)
}
mvn_run with >/dev/null; mvn_run without >/dev/null   # the first with-run generates; later ones are no-ops
log="$work/runs.log"
for _ in $(seq "$n"); do
  for v in with without; do echo "RUN $v" >> "$log"; mvn_run "$v" >> "$log"; done
done
python3 - "$log" <<'PY'
import re, statistics as st, sys
def ms(t):
    h, m, s = t.split(':'); return (int(h) * 3600 + int(m) * 60 + float(s)) * 1000
runs = []
for line in open(sys.argv[1]):
    line = re.sub(r'\x1b\[[0-9;]*m', '', line)
    if line.startswith('RUN '):
        runs.append({'v': line.split()[1]}); continue
    m = re.match(r'(\d\d:\d\d:\d\d\.\d+) \[INFO\] (.*)', line)
    if not m: continue
    t, txt = ms(m.group(1)), m.group(2)
    if txt.startswith('Building '): runs[-1]['b'] = t
    elif txt.startswith('BUILD SUCCESS'): runs[-1]['e'] = t
    elif 'bindings up to date' in txt: runs[-1]['noop'] = True
res = {}
for v in ('with', 'without'):
    xs = [r['e'] - r['b'] for r in runs if r['v'] == v and 'e' in r]
    res[v] = xs
    print(f"{v:8s} n={len(xs)} Building->BUILD SUCCESS ms: median {st.median(xs):.0f}, min {min(xs):.0f}; {sorted(int(x) for x in xs)}")
assert all(r.get('noop') for r in runs if r['v'] == 'with'), 'a with-run was not a no-op'
print(f"added by the plugin: {st.median(res['with']) - st.median(res['without']):+.0f} ms by medians, "
      f"{min(res['with']) - min(res['without']):+.0f} ms by minimums")
PY
