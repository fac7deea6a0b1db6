#!/usr/bin/env bash
# Load run against `toolkit serve` on loopback: REQUESTS posts of sample images from CLIENTS concurrent
# clients; prints errors and p50/p99 latency. Bounded in count and time; stops the server (SIGTERM, graceful) at the end.
#   scripts/serve-load-test.sh [MODEL] [IMAGES_DIR] [REQUESTS] [CLIENTS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$root/models/lenet.onnx}"
images="${2:-$root/models/samples}"
requests="${3:-500}"
clients="${4:-8}"
port="${PORT:-18080}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/toolkit" serve "$model" --host 127.0.0.1 --port "$port" --device cpu >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS --max-time 2 "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS --max-time 5 "http://127.0.0.1:$port/health" >/dev/null || { echo "server did not start:"; cat "$work/server.log"; exit 1; }

mapfile -t files < <(find "$images" -maxdepth 1 -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.bmp' \) | sort)
[[ ${#files[@]} -gt 0 ]] || { echo "no images in $images"; exit 1; }
for i in $(seq 0 $((requests - 1))); do echo "${files[$((i % ${#files[@]}))]}"; done >"$work/plan"

start=$(date +%s%N)
xargs -P "$clients" -I{} curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}\n' \
  -X POST --data-binary @{} "http://127.0.0.1:$port/predict" <"$work/plan" >"$work/results"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

total=$(wc -l <"$work/results")
errors=$(awk '$1 != 200' "$work/results" | wc -l)
sort -n -k2 "$work/results" | awk -v n="$total" -v errors="$errors" -v elapsed_ms="$elapsed_ms" -v clients="$clients" '
  { t[NR] = $2 * 1000 }
  END {
    p50 = t[int((n - 1) * 0.50) + 1]; p99 = t[int((n - 1) * 0.99) + 1]
    printf "requests: %d, clients: %d, errors: %d\n", n, clients, errors
    printf "latency p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n", p50, p99, t[n]
    printf "throughput: %.0f requests/s\n", n * 1000 / elapsed_ms
  }'
kill -TERM "$server"; wait "$server" || true
grep -q stopped "$work/server.log" && echo "server stopped gracefully"
[[ "$errors" -eq 0 ]]
