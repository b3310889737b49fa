#!/usr/bin/env bash
# graphml.sh GRAPH.graphml SCHEMA.xsd - GraphML consumers:
#   1. xmllint validates against the GraphML 1.1 XSD, offline (--nonet);
#   2. NetworkX (Debian's, under /usr/bin/python3) loads it: every node has
#      a label and a type, every value is a scalar (graphml_check.py).
set -u
graph=$1 schema=$2
here=$(cd "$(dirname "$0")" && pwd)
fail=0
if xmllint --noout --nonet --schema "$schema" "$graph"; then
  echo "PASS graphml-xsd"
else
  echo "FAIL graphml-xsd: $graph is not valid against $schema"
  fail=1
fi
if /usr/bin/python3 "$here/graphml_check.py" "$graph"; then
  echo "PASS graphml-networkx"
else
  echo "FAIL graphml-networkx"
  fail=1
fi
exit $fail
