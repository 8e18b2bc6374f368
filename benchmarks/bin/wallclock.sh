#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Whole-process wall-clock time of a command: runs it N times (default 11) after one untimed
# warm-up run and prints every time and the median, in seconds.
#
#   benchmarks/bin/wallclock.sh [-n N] [-C DIR] [-p PREP] -- COMMAND [ARGS...]
#
# -p PREP: a shell command run before every run, untimed (for example removing the output of
# the run before, so that each run starts fresh).
#
# Example (from the repository root, jar built):
#   benchmarks/bin/wallclock.sh -C ../shared/qapi-testdata/qemu-10.2.50/qapi -- \
#       "$PWD/qapi4j" check qapi-schema.json
set -euo pipefail
n=11
dir=.
prep=:
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -C) dir=$2; shift 2 ;;
    -p) prep=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
cd "$dir"
sh -c "$prep"
# A command that fails is not timed: a mistyped path would otherwise measure how fast it fails.
if ! "$@" >/dev/null; then # the warm-up run shows its errors
  echo "wallclock: the command failed (warm-up run)" >&2
  exit 1
fi
times=()
for _ in $(seq "$n"); do
  sh -c "$prep"
  start=$(date +%s%N)
  if ! "$@" >/dev/null 2>&1; then
    echo "wallclock: the command failed" >&2
    exit 1
  fi
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
printf 'runs (ms): %s\n' "$(printf '%s ' "${times[@]}")"
printf 'median: %d.%03d s\n' "$((median / 1000))" "$((median % 1000))"
