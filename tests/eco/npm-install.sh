#!/usr/bin/env bash
# npm-install.sh - install the packages pinned by package-lock.json here
# (Kuzu and Oxigraph, for stores.js) with npm ci, unless that was already
# done from this lock file (the rule of scripts/setup.sh).  Kuzu's npm
# package carries prebuilt binaries; its install step only copies the one
# for this platform, nothing is downloaded from elsewhere.
set -eu
cd "$(dirname "$0")"
if [ node_modules/.package-lock.json -nt package-lock.json ] &&
   [ -f node_modules/kuzu/kuzujs.node ] && [ -f node_modules/oxigraph/package.json ]; then
  echo "node_modules is up to date with package-lock.json"
else
  npm ci --no-audit --no-fund --loglevel=error
fi
# An npm that skips install scripts leaves Kuzu's prebuilt binary where the
# package keeps it; its install.js only copies it into place, so do that.
if [ ! -f node_modules/kuzu/kuzujs.node ]; then
  (cd node_modules/kuzu && node install.js >/dev/null)
fi
echo "kuzu $(node -p "require('./node_modules/kuzu/package.json').version")," \
     "oxigraph $(node -p "require('./node_modules/oxigraph/package.json').version")"
