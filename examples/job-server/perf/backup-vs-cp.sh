#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A 1 GiB file backup through the job server (no speed limit) against cp of the same file, both
# followed by sync. Prints two ratios: the whole process (JVM start, QMP set-up and quit
# included), and the backup itself (blockdev-backup sent → the job's final JOB_STATUS_CHANGE,
# then sync), which is what "the backup runs at N% of cp's speed" measures.
# Usage: perf/backup-vs-cp.sh [DIR] (default: a temp dir).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/qapi4j-job-server.jar"
dir=${1:-$(mktemp -d)}
src="$dir/src.img"; tgt="$dir/tgt.img"; cpt="$dir/cp.img"; sock="$dir/js.qmp"
[ -f "$src" ] || head -c 1073741824 /dev/urandom > "$src"
sync
rm -f "$cpt"; t0=$(date +%s.%N); cp "$src" "$cpt"; sync; t1=$(date +%s.%N)
cp_s=$(echo "$t1 - $t0" | bc)
rm -f "$tgt"; truncate -s 1073741824 "$tgt"
rm -f "$sock"  # a stale socket from an earlier run would be connected to (or refused) first
java -jar "$jar" --socket "$sock" & pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT  # never leave the server behind if the client fails
t0=$(date +%s.%N)
python3 - "$sock" "$src" "$tgt" "$dir/job.time" <<'PY'
import json, socket, sys, time
sock, src, tgt = sys.argv[1:4]
for _ in range(200):
    try:
        s = socket.socket(socket.AF_UNIX); s.connect(sock); break
    except OSError:
        time.sleep(0.02)
f = s.makefile("rw")
def cmd(c):
    f.write(json.dumps(c) + "\n"); f.flush()
f.readline()
cmd({"execute": "qmp_capabilities"})
cmd({"execute": "blockdev-add", "arguments": {"driver": "file", "node-name": "src", "filename": src}})
cmd({"execute": "blockdev-add", "arguments": {"driver": "file", "node-name": "tgt", "filename": tgt}})
f.readline(); f.readline(); f.readline()  # capabilities and both blockdev-add replies
start = time.monotonic()
cmd({"execute": "blockdev-backup", "arguments": {"job-id": "b", "device": "src", "target": "tgt", "sync": "full"}})
while True:
    m = json.loads(f.readline())
    if m.get("event") == "BLOCK_JOB_COMPLETED":
        assert "error" not in m["data"], m
    if m.get("event") == "JOB_STATUS_CHANGE" and m["data"]["status"] == "null":
        break
with open(sys.argv[4], "w") as out:
    out.write("%.3f" % (time.monotonic() - start))
cmd({"execute": "quit"})
while "return" not in json.loads(f.readline()):  # a client gone before the reply may lose its quit (QEMU drops it too)
    pass
PY
ts=$(date +%s.%N); sync; t1=$(date +%s.%N)
wait $pid || true
js_s=$(echo "$t1 - $t0" | bc)
cmp "$src" "$tgt"
job_s=$(echo "$(cat "$dir/job.time") + $t1 - $ts" | bc)
echo "cp + sync: ${cp_s}s"
echo "job server, whole process (JVM start, QMP set-up, backup, quit, sync): ${js_s}s  ratio cp/job-server: $(echo "scale=2; $cp_s / $js_s" | bc)"
echo "backup job (blockdev-backup -> final status change, then sync): ${job_s}s  ratio cp/backup: $(echo "scale=2; $cp_s / $job_s" | bc)"
