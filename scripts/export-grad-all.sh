#!/usr/bin/env bash
# Regenerates the input-gradient graph NAME.grad.onnx of every classifier in models/ (used by `toolkit attack`).
# Models without a `logits` output (autoencoders, PCA) have no gradient graph and are skipped, and so are classifiers
# with ops the derivation does not cover (the ResNet18 transfer models: BatchNormalization, Resize, pooling).
#   scripts/export-grad-all.sh [MODELS_DIR]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="${1:-$root/models}"
failed=0
for model in "$models"/*.onnx; do
  [[ -e "$model" && "$model" != *.grad.onnx ]] || continue
  if ! error=$("$root/toolkit" export-grad "$model" 2>&1 >/dev/null); then
    if [[ "$error" == *"only classifiers have gradient graphs"* ]]; then
      echo "skipped $model (not a classifier)"
    elif [[ "$error" == *"no input-gradient derivation for op"* ]]; then
      echo "skipped $model (${error##*no input-gradient derivation for }; no gradient graph, attack does not apply)"
    else
      echo "FAILED $model: $error"
      failed=1
    fi
  else
    echo "wrote ${model%.onnx}.grad.onnx"
  fi
done
exit "$failed"
