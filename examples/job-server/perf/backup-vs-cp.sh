#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Whole-process comparison: a 1 GiB file backup through the job server (no speed limit)
# against cp of the same file. Usage: perf/backup-vs-cp.sh [DIR] (default: a temp dir).
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
python3 - "$sock" "$src" "$tgt" <<'PY'
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
cmd({"execute": "blockdev-backup", "arguments": {"job-id": "b", "device": "src", "target": "tgt", "sync": "full"}})
while True:
    m = json.loads(f.readline())
    if m.get("event") == "BLOCK_JOB_COMPLETED":
        assert "error" not in m["data"], m
    if m.get("event") == "JOB_STATUS_CHANGE" and m["data"]["status"] == "null":
        break
cmd({"execute": "quit"})
PY
sync; t1=$(date +%s.%N)
wait $pid || true
js_s=$(echo "$t1 - $t0" | bc)
cmp "$src" "$tgt"
echo "cp: ${cp_s}s  job-server backup (incl. JVM start): ${js_s}s  ratio cp/job-server: $(echo "scale=2; $cp_s / $js_s" | bc)"
