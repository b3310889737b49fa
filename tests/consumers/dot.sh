#!/usr/bin/env bash
# dot.sh GRAPH.dot GRAPH.graphml WORKDIR - DOT consumers:
#   1. dot -Tsvg succeeds with an empty stderr;
#   2. gc -n counts as many nodes as the GraphML of the same graph has;
#   3. the SVG holds Chinese text, drawn in a font that covers Chinese
#      (svg_check.py, with fontconfig's fc-match / fc-list).
set -u
dotfile=$1 graphml=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
fail=0
if dot -Tsvg "$dotfile" -o "$work/out.svg" 2>"$work/dot.err" && [ ! -s "$work/dot.err" ]; then
  echo "PASS dot-render"
else
  echo "FAIL dot-render: dot -Tsvg failed or wrote to stderr:"
  head -5 "$work/dot.err"
  fail=1
fi
dn=$(gc -n "$dotfile" | awk 'NR == 1 {print $1}')
gn=$(xmllint --xpath "count(/*[local-name()='graphml']/*[local-name()='graph']/*[local-name()='node'])" "$graphml")
if [ -n "$dn" ] && [ "$dn" = "$gn" ]; then
  echo "PASS dot-nodes: $dn nodes, as in the GraphML"
else
  echo "FAIL dot-nodes: DOT has '$dn' nodes, GraphML has '$gn'"
  fail=1
fi
if [ -s "$work/out.svg" ] && /usr/bin/python3 "$here/svg_check.py" "$work/out.svg"; then
  echo "PASS dot-cjk"
else
  echo "FAIL dot-cjk"
  fail=1
fi
exit $fail
