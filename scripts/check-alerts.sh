#!/usr/bin/env bash
# Checks the Prometheus alert rules (ops/prometheus/alerts.yml) and runs their tests on synthetic series
# (alerts.test.yml) with promtool, from Debian's prometheus package (installed when missing and apt is there).
set -euo pipefail
cd "$(dirname "$0")/../ops/prometheus"
if ! command -v promtool >/dev/null; then
    if command -v apt-get >/dev/null; then
        (apt-get install -y --no-install-recommends prometheus >/dev/null 2>&1 \
            || { apt-get update >/dev/null && apt-get install -y --no-install-recommends prometheus >/dev/null; })
    fi
fi
command -v promtool >/dev/null || { echo "promtool is required (Debian package prometheus)"; exit 1; }
promtool check rules alerts.yml
promtool test rules alerts.test.yml
