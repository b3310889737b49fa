#!/usr/bin/env bash
# jsonld.sh ZHKG SOURCE_DIR WORK - JSON-LD beyond the consumer tests:
#   --base-iri mints the IRIs under another base, still expands in safe
#   mode offline; a relative base is a usage error;
#   TextPositionSelector offsets count characters of the original files
#   and select the same text as the DataPositionSelector's bytes
#   (check_selectors.py).
set -u
zhkg=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
samples=$src/samples

"$zhkg" build -q --base-iri urn:zhkg: -o urn.jsonld "$samples"
check "--base-iri urn:zhkg: node IRIs" grep -q '"@id":"urn:zhkg:node/n' urn.jsonld
check "--base-iri: no default IRI left" sh -c '! grep -q "https://example.org/zhkg/node" urn.jsonld'
check "--base-iri: safe-mode expansion" node "$src/tests/consumers/jsonld_check.js" urn.jsonld urn.nq
check "--base-iri: N-Quads subjects" grep -q '^<urn:zhkg:node/n' urn.nq
"$zhkg" build -q --base-iri=https://data.example.com/kg/ -o https.jsonld "$samples"
check "--base-iri=https://..." grep -q '"@id":"https://data.example.com/kg/edge/e0"' https.jsonld
"$zhkg" build -q --base-iri kg/ -o bad.jsonld "$samples" 2>bad.err
check "relative --base-iri is a usage error" [ $? -eq 2 ]
check "usage error names the IRI" grep -q "'kg/' is not an absolute IRI" bad.err
"$zhkg" build -q -o d.jsonld "$samples"
check "selectors: characters and bytes agree" /usr/bin/python3 "$here/check_selectors.py" d.jsonld
finish
