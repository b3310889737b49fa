#!/usr/bin/env bash
# progress.sh ZHKG SOURCE_DIR WORK - the progress line: on a terminal it
# shows files done and MB/s (script(1) gives zhkg a pseudo-terminal), in a
# pipe or a file never, and --quiet silences it.  ZHKG_PROGRESS=1 removes
# the half-second delay (the samples take less) and nothing else.
set -u
zhkg=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
samples=$src/samples
export ZHKG_PROGRESS=1

script -qefc "'$zhkg' build -o a.graphml '$samples'" tty.log >/dev/null 2>&1
check "terminal: progress line (files, MB/s)" \
    grep -qE 'zhkg: 5/5 files, [0-9.]+ MB, [0-9.]+ MB/s' tty.log
check "terminal: line erased before the summary" \
    grep -qE $'\r\033\\[K''zhkg: 5 documents' tty.log
script -qefc "'$zhkg' build -q -o b.graphml '$samples'" quiet.log >/dev/null 2>&1
check "terminal, --quiet: nothing" sh -c '! grep -q "files" quiet.log'
"$zhkg" build -o c.graphml "$samples" 2>pipe.err
check "file: no progress line" sh -c '! grep -q "files" pipe.err && ! grep -q $(printf "\r") pipe.err'
"$zhkg" build -o d.graphml "$samples" 2>&1 | cat >pipe2.err
check "pipe: no progress line" sh -c '! grep -q "files" pipe2.err'
check "output the same with a terminal" cmp a.graphml c.graphml
finish
