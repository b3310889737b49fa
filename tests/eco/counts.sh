#!/usr/bin/env bash
# counts.sh BASE WORK - run every consumer over one exported graph (BASE.graphml,
# BASE.dot, BASE.jsonld, BASE.csv/) and check that they all count the same
# nodes and edges per type (counts.py):
#   1. jsonld.js expands BASE.jsonld in safe mode, offline, to N-Quads
#      (tests/consumers/jsonld_check.js);
#   2. Kuzu loads BASE.csv/ with its schema.cypher (stores.js kuzu);
#   3. Oxigraph loads the N-Quads and answers SPARQL (stores.js oxigraph);
#   4. rdflib loads the N-Quads and answers SPARQL, gc counts the DOT, and
#      the CSV rows are counted (counts.py).
set -u
base=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
node "$here/../consumers/jsonld_check.js" "$base.jsonld" "$work/out.nq" || { echo "FAIL jsonld.js"; exit 1; }
node "$here/stores.js" kuzu "$base.csv" "$work/kuzu.db" >"$work/kuzu.json" || { echo "FAIL kuzu load"; exit 1; }
node "$here/stores.js" oxigraph "$work/out.nq" >"$work/oxigraph.json" || { echo "FAIL oxigraph load"; exit 1; }
/usr/bin/python3 "$here/counts.py" "$base" "$work"
