#!/usr/bin/env bash
# Drives a held gateway (target/bench-gateway.env from ApiLoadBenchmark or SuiteLoadBenchmark) with
# wrk (apt-get install wrk) from a separate process: GET one app and the list, each paced at about
# 1,000 requests/s (200 connections, one request per ~200 ms each) and then unpaced; then the list
# again asking for gzip, as browsers do.
#   api-gateway/bench/wrk-applications.sh <bench-gateway.env> [seconds]
set -euo pipefail
env_file=${1:?usage: $0 <bench-gateway.env> [seconds]}
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC1090
source "$env_file"
export TOKEN APP_PREFIX="${APP_PREFIX:-app-}" APPS="${APPS:-1000}" APP_STEP="${APP_STEP:-1}"
run() { # route pace-ms
  echo "== GET ${1} (pace ${2} ms per connection, ${seconds}s, 200 connections)"
  ROUTE=$1 PACE_MS=$2 wrk -t2 -c200 -d"${seconds}s" --latency -s "$here/applications.lua" "$GATEWAY" |
    grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx|unexpected' || true
}
ROUTE=get PACE_MS=0 wrk -t2 -c200 -d5s -s "$here/applications.lua" "$GATEWAY" >/dev/null # warm-up
for route in get list; do
  run "$route" 200
  run "$route" 0
done
echo "== with Accept-Encoding: gzip"
export GZIP=1
run list 200
run list 0
