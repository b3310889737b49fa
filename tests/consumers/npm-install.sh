#!/usr/bin/env bash
# npm-install.sh - install the pinned npm packages (package-lock.json) into
# tests/consumers/node_modules with npm ci.  Skipped when node_modules was
# installed from the same lock file (its copy is kept as a stamp), so a
# test run does not reinstall every time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
stamp=$here/node_modules/.zhkg-package-lock.json
if [ -f "$stamp" ] && cmp -s "$here/package-lock.json" "$stamp" &&
   [ -f "$here/node_modules/jsonld/package.json" ]; then
  echo "node_modules is up to date with package-lock.json"
  exit 0
fi
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
echo "installed: $(node -p "'jsonld ' + require('./node_modules/jsonld/package.json').version")"
