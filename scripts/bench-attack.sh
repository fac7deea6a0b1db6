#!/usr/bin/env bash
# Attack against plain evaluation for every committed classifier, FGSM and PGD, each configuration in turn per
# model so that a shared machine's load hits all alike. The ratio is the runner's own: attack images/s over plain
# evaluation images/s of the same batches, timed one after the other; "per step" is the ratio times the method's
# gradient steps (one gradient-graph run per step).
#   scripts/bench-attack.sh LIMIT STEPS LABEL=DLL_DIR:MODELS_DIR ...
# e.g. compare an earlier build and its gradient graphs (copied to /tmp/before) with this tree:
#   scripts/bench-attack.sh 2000 2 before=/tmp/before/bin:/tmp/before/models after=cli/bin/Release/net10.0:models
set -euo pipefail
limit="$1"; steps="$2"; shift 2
data="${TOOLKIT_DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared/data}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for model in ${MODELS:-logreg mlp conv lenet fast}; do
  for spec in "$@"; do
    label="${spec%%=*}"; dirs="${spec#*=}"; bin="${dirs%%:*}"; models="${dirs#*:}"
    rm -rf "$out/report"
    dotnet "$bin/toolkit.dll" attack "$models/cifar10-$model.onnx" --method fgsm,pgd --steps "$steps" --eps 0.025 \
        --limit "$limit" --data "$data" --out "$out/report" --json 2>/dev/null \
      | jq -r --arg m "$model" --arg l "$label" '.report.methods[] |
          "\($m)\t\($l)\t\(.method)\tattack \(.attackImagesPerSecond | floor) img/s\teval \(.evalImagesPerSecond | floor) img/s\tratio \(.throughputVsEval * 1000 | round / 1000)\tper step \(.throughputVsEval * .gradientSteps * 1000 | round / 1000)"'
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
