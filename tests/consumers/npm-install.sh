#!/usr/bin/env bash
# npm-install.sh - install the npm packages pinned by package-lock.json
# (jsonld.js) into tests/consumers/node_modules with npm ci, unless that
# was already done from this lock file (the rule scripts/setup.sh uses:
# node_modules/.package-lock.json newer than package-lock.json).
set -eu
cd "$(dirname "$0")"
if [ node_modules/.package-lock.json -nt package-lock.json ] &&
   [ -f node_modules/jsonld/package.json ]; then
  echo "node_modules is up to date with package-lock.json"
else
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "jsonld $(node -p "require('./node_modules/jsonld/package.json').version")"
