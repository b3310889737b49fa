#!/usr/bin/env bash
# jsonld.sh GRAPH.jsonld GRAPH.graphml WORKDIR - JSON-LD consumers:
#   1. jsonld.js (pinned in package-lock.json) expands the document in safe
#      mode with every remote load refused, so the inline @context must
#      define every term, and converts it to N-Quads (jsonld_check.js);
#   2. rdflib (Debian's, under /usr/bin/python3) parses the N-Quads, and a
#      SPARQL query finds one typed, named subject per GraphML node and one
#      relation per GraphML edge (rdf_check.py).
set -u
jsonld=$1 graphml=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if node "$here/jsonld_check.js" "$jsonld" "$work/out.nq"; then
  echo "PASS jsonld-expand"
else
  echo "FAIL jsonld-expand"
  exit 1
fi
if /usr/bin/python3 "$here/rdf_check.py" "$work/out.nq" "$graphml"; then
  echo "PASS jsonld-sparql"
else
  echo "FAIL jsonld-sparql"
  exit 1
fi
