#!/usr/bin/env bash
# Serving limits on loopback, every run bounded in time:
#   1. back-pressure: --queue 4, wrk 64 connections for BACKPRESSURE_SECONDS (60) on v2 binary infer;
#      statuses from the server's /metrics, RSS before and after;
#   2. SIGTERM during a 64-connection wrk run: exit code, drain time, wrk's errors;
#   3. decode memory: 8 concurrent loops posting a 20000x20000 PNG (and, with --max-pixels raised, a 10000x10000
#      one that really decodes, 400 MB each) while a ninth loop posts a small image; peak RSS (VmHWM).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="$root/cli/bin/Release/net10.0/toolkit.dll"
backpressure_seconds="${BACKPRESSURE_SECONDS:-60}"
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$root/scripts/load/make-bodies.py" "$work" "$root/models/samples/cifar10-test-00000-cat.png"
header_length="$(cat "$work/binary-1.header-length")"

start_server() {
  dotnet "$dll" serve "$root/models" --port 18280 --grpc-port 18281 --device cpu "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fsS --max-time 2 http://127.0.0.1:18280/v2/health/ready >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "server did not start"; cat "$work/server.log"; exit 1
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
peak_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
stop_server() { kill -TERM "$server"; local rc=0; wait "$server" || rc=$?; server=""; echo "exit code: $rc"; }
load() { BODY="$work/binary-1.bin" HEADER_LENGTH="$header_length" PATH_=/v2/models/cifar10-conv/infer \
  wrk -t2 -c64 -d"$1" --timeout 10s --latency -s "$root/scripts/load/post-file.lua" http://127.0.0.1:18280; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== back-pressure: --queue 4, 64 connections, ${backpressure_seconds} s"
start_server --queue 4
for _ in $(seq 1 50); do curl -s -o /dev/null -H "Inference-Header-Content-Length: $header_length" --data-binary @"$work/binary-1.bin" http://127.0.0.1:18280/v2/models/cifar10-conv/infer; done
echo "RSS before: $(rss_mb) MB"
load "${backpressure_seconds}s" >"$work/wrk-queue.txt" &
wrk_pid=$!
for t in $(seq 10 10 "$backpressure_seconds"); do sleep 10; echo "RSS at ${t} s: $(rss_mb) MB"; done
wait "$wrk_pid" || true
grep -E "Requests/sec|Non-2xx|Socket errors|requests in|50%|99%" "$work/wrk-queue.txt" || true
echo "RSS after: $(rss_mb) MB (peak $(peak_mb) MB)"
curl -s http://127.0.0.1:18280/metrics | grep '^toolkit_requests_total{model="cifar10-conv"' || true
stop_server

echo "== SIGTERM during a 64-connection load"
start_server
load 20s >"$work/wrk-term.txt" &
wrk_pid=$!
sleep 8
signalled=$(date +%s%N)
kill -TERM "$server"
rc=0; wait "$server" || rc=$?
echo "exit code: $rc after $(( ($(date +%s%N) - signalled) / 1000000 )) ms of draining; server said: $(tail -1 "$work/server.log")"
server=""
wait "$wrk_pid" || true
grep -E "requests in|Socket errors|Non-2xx" "$work/wrk-term.txt" || echo "wrk: no socket errors, all 2xx"

echo "== decode memory: 8 concurrent 20000x20000 PNG loops + 1 small-image loop, 15 s, default limits"
memory_run() {
  local big="$1"
  start_server "${@:2}"
  echo "RSS idle: $(rss_mb) MB"
  local end=$(( $(date +%s) + 15 ))
  for _ in $(seq 1 8); do
    ( while [[ $(date +%s) -lt $end ]]; do curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 --data-binary @"$work/$big" http://127.0.0.1:18280/predict; done ) >>"$work/big-codes" &
  done
  ( while [[ $(date +%s) -lt $end ]]; do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 60 --data-binary @"$work/image.png" http://127.0.0.1:18280/predict; done ) >"$work/small-codes" &
  wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
  echo "large: $(sort "$work/big-codes" | uniq -c | tr -s ' \n' ' ')"
  echo "small: $(awk '{print $1}' "$work/small-codes" | sort | uniq -c | tr -s ' \n' ' ') p50 $(sort -n -k2 "$work/small-codes" | awk '{t[NR]=$2} END {printf "%.0f ms", t[int(NR/2)+1]*1000}')"
  echo "peak RSS (VmHWM): $(peak_mb) MB"
  rm -f "$work/big-codes"
  stop_server
}
memory_run black-20000.png
echo "== decode memory: 8 concurrent 10000x10000 PNG loops (400 MB decoded each) + small images, --max-pixels 100000000, budget 512 MiB"
memory_run black-10000.png --max-pixels 100000000
