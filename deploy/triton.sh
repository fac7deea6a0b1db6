#!/usr/bin/env bash
# Serve a repository written by `toolkit export-triton` with NVIDIA Triton on this machine's GPUs.
#   deploy/triton.sh [REPO] [TRITON_IMAGE_TAG]
# Triton answers REST on 8000, gRPC on 8001 and Prometheus metrics on 8002 (toolkit serve: 8080, 8081, /metrics);
# the routes and messages are the same Open Inference Protocol, so clients only change the address.
set -euo pipefail
repo="$(cd "${1:-triton-repo}" && pwd)"
tag="${2:-25.01-py3}"
exec docker run --rm --gpus all --shm-size 1g \
  -p 8000:8000 -p 8001:8001 -p 8002:8002 \
  -v "$repo":/models:ro \
  "nvcr.io/nvidia/tritonserver:$tag" \
  tritonserver --model-repository=/models --strict-model-config=true
