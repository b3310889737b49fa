#!/usr/bin/env bash
# csv.sh ZHKG SOURCE_DIR WORK - the CSV output as the command line gives
# it: `-o DIR/` or `-f csv -o DIR` writes the five files into DIR (made if
# missing), a second run replaces them and leaves no temporary file, and
# the names that cannot be a CSV directory are refused.  What the files
# hold is checked by export.golden and eco.counts.
set -u
zhkg=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
samples=$src/samples
files="edges.csv kuzu_edges.csv kuzu_nodes.csv nodes.csv schema.cypher"

"$zhkg" build -q -o a/ "$samples"
check "-o DIR/ writes the five files" [ "$(ls a | tr '\n' ' ')" = "$files " ]
"$zhkg" build -q -f csv -o b "$samples"
check "-f csv -o DIR" [ "$(ls b | tr '\n' ' ')" = "$files " ]
check "same files either way" diff -r a b
"$zhkg" build -q -o a/ "$samples"
check "second run: no temporary file left" [ "$(ls -A a | tr '\n' ' ')" = "$files " ]
check "header of nodes.csv" [ "$(head -1 a/nodes.csv)" = "id:ID,name,type,aliases:string[],mentions:int,:LABEL" ]
check "header of edges.csv" grep -qx ':START_ID,:END_ID,:TYPE,directed:boolean,support:int,evidence,doc,sentence:int,start:int,end:int,rule,origin,title' a/edges.csv
"$zhkg" build -q -o x.csv "$samples" 2>/dev/null
check "x.csv is not a format (exit 2)" [ $? -eq 2 ]
"$zhkg" build -q -f csv -o - "$samples" 2>err
check "-f csv -o - fails" [ $? -eq 1 ] && grep -q "not standard output" err
"$zhkg" build -q -o missing/sub/ "$samples" 2>err
check "a missing parent is an error" [ $? -eq 1 ] && grep -q "cannot create the directory" err
finish
