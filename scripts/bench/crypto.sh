#!/usr/bin/env bash
# Benchmarks the callback crypto against a port of the official C# sample (the baseline) and prints
# the BenchmarkDotNet tables: mean time, Ratio (lower is faster) and Allocated / Alloc Ratio.
# A short job (8 iterations, for some stability on a busy machine) keeps the run to a few minutes;
# extra arguments are passed on to BenchmarkDotNet.
set -euo pipefail
cd "$(dirname "$0")/../.."

artifacts="${BENCH_ARTIFACTS:-BenchmarkDotNet.Artifacts/crypto}"
dotnet run -c Release --project tests/WeLink.Wechat.Benchmarks -- \
  --filter '*' --job short --iterationCount 8 --artifacts "$artifacts" "$@"

echo
for report in "$artifacts"/results/*-report-github.md; do
  cat "$report"
  echo
done
