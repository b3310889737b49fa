#!/usr/bin/env bash
# setup.sh - install everything zhkg needs to build and test, on Debian 12.
#
# Safe to run again: it installs only the Debian packages that are missing
# (so a second run needs no network and takes a second), then the npm
# packages pinned by each package-lock.json of the project (the JSON-LD
# consumer test, the gazetteer script) when their node_modules is older than
# the lock file.  Runs as root as is; otherwise it uses sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
sudo=
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
fi

packages=(
    build-essential cmake pkg-config git ca-certificates
    libxml2-dev libxml2-utils          # GraphML writer, xmllint for the XSD check
    libgraphviz-dev graphviz           # cgraph for DOT, dot for rendering
    libcjson-dev libutf8proc-dev       # JSON-LD writer, NFKC normalisation
    libpcre2-dev                       # relation patterns in rules/
    clang libclang-rt-14-dev           # libFuzzer builds of the fuzz targets (scripts/test.sh fuzz)
    nettle-dev                         # SHA-256 of documents (incremental updates)
    fonts-wqy-zenhei                   # Chinese labels in rendered graphs
    help2man man-db groff-base bsdextrautils   # zhkg.1 from --help; its test (man, col)
    python3 python3-networkx python3-rdflib   # GraphML and JSON-LD consumers
    nodejs                             # jsonld.js consumer, gazetteer script
    python3-distributed                # Dask example and its test (examples/dask)
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        missing+=("$p")
    fi
done
# Debian's npm package conflicts with a nodejs that bundles its own npm (as
# NodeSource's does), so ask for it only when there is no npm at all.
if ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
else
    echo "setup: Debian packages already installed"
fi

# npm packages, exactly as locked.
while IFS= read -r lock; do
    dir=$(dirname "$lock")
    if [ "$dir/node_modules/.package-lock.json" -nt "$lock" ]; then
        echo "setup: $dir/node_modules is up to date"
        continue
    fi
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done < <(find scripts tests -name package-lock.json -not -path '*/node_modules/*' 2>/dev/null | LC_ALL=C sort)

echo "setup: done"
