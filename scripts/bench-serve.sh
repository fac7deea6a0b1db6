#!/usr/bin/env bash
# Serving benchmark on loopback with wrk (Debian package `wrk`) and `toolkit bench grpc`, every run bounded in time:
#   8 and 64 connections, SECONDS each: POST /predict (PNG) against this build and, when BEFORE_DLL names the
#   toolkit.dll of an earlier build, the same route of that build in the same run; v2 JSON infer (1 image),
#   v2 binary infer (1 and 8 images), gRPC ModelInfer (1 image).
#   scripts/bench-serve.sh [SECONDS] [BEFORE_DLL]
# With AB_ROUNDS=N it instead alternates the image path of both builds and v2 binary infer (1 image), N rounds of
# SECONDS each per connection count, so that a shared machine's changing load hits all three alike.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
before="${2:-}"
dll="$root/cli/bin/Release/net10.0/toolkit.dll"
bodies="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$bodies"' EXIT
python3 "$root/scripts/load/make-bodies.py" "$bodies" "$root/models/samples/cifar10-test-00000-cat.png"

wait_up() { for _ in $(seq 1 240); do curl -fsS --max-time 2 "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "no server at $1"; exit 1; }

dotnet "$dll" serve "$root/models" --port 18180 --grpc-port 18181 --device cpu >"$bodies/new.log" 2>&1 &
pids+=($!)
wait_up http://127.0.0.1:18180/v2/health/ready
if [[ -n "$before" ]]; then
  dotnet "$before" serve "$root/models/cifar10-conv.onnx" --port 18190 --device cpu >"$bodies/before.log" 2>&1 &
  pids+=($!)
  wait_up http://127.0.0.1:18190/health
fi

# One wrk run: prints "label connections requests/s p50 p99 non2xx socket-errors".
run() {
  local label="$1" url="$2" connections="$3"; shift 3
  local out
  out="$(env "$@" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$root/scripts/load/post-file.lua" "$url")"
  local rps p50 p99 non2xx errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  errors="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-0}"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| route | connections | requests/s | p50 | p99 | non-2xx | socket errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
if [[ -n "${AB_ROUNDS:-}" ]]; then
  for c in 8 64; do
    for round in $(seq 1 "$AB_ROUNDS"); do
      run "POST /predict (PNG), this build, round $round" http://127.0.0.1:18180 "$c" BODY="$bodies/image.png" PATH_=/predict
      run "POST /predict (PNG), before, round $round" http://127.0.0.1:18190 "$c" BODY="$bodies/image.png" PATH_=/predict
      run "v2 binary infer, 1 image, round $round" http://127.0.0.1:18180 "$c" BODY="$bodies/binary-1.bin" HEADER_LENGTH="$(cat "$bodies/binary-1.header-length")" PATH_=/v2/models/cifar10-conv/infer
    done
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
for c in 8 64; do
  run "POST /predict (PNG), this build" http://127.0.0.1:18180 "$c" BODY="$bodies/image.png" PATH_=/predict
  [[ -n "$before" ]] && run "POST /predict (PNG), before" http://127.0.0.1:18190 "$c" BODY="$bodies/image.png" PATH_=/predict
  run "v2 JSON infer, 1 image" http://127.0.0.1:18180 "$c" BODY="$bodies/infer-1.json" PATH_=/v2/models/cifar10-conv/infer
  run "v2 binary infer, 1 image" http://127.0.0.1:18180 "$c" BODY="$bodies/binary-1.bin" HEADER_LENGTH="$(cat "$bodies/binary-1.header-length")" PATH_=/v2/models/cifar10-conv/infer
  run "v2 binary infer, batch 8" http://127.0.0.1:18180 "$c" BODY="$bodies/binary-8.bin" HEADER_LENGTH="$(cat "$bodies/binary-8.header-length")" PATH_=/v2/models/cifar10-conv/infer
  dotnet "$dll" bench grpc --address http://127.0.0.1:18181 --model cifar10-conv --connections "$c" --seconds "$seconds" | tr -s ' \n' ' '
  echo
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
