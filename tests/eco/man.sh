#!/usr/bin/env bash
# man.sh ZHKG MANPAGE - the man page zhkg(1) and `zhkg --help` agree: the
# page is made from --help by help2man at build time (cmake/package.cmake),
# so this checks that it was made from this binary, that groff formats it
# without a warning, and that every line of --help appears in it (words
# compared, as the page is re-flowed).
set -u
zhkg=$1 page=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
check "man page exists (help2man installed?)" [ -s "$page" ]
check "groff formats it without warnings" sh -c "groff -k -ww -man -Tutf8 -z '$page' 2>&1 | (! grep -q .)"
txt=$(MANWIDTH=200 LC_ALL=C.UTF-8 man -l "$page" 2>/dev/null | col -bx | tr -s ' \t\n' '   ')
check "page has the version" sh -c "echo \"\$1\" | grep -qF \"\$($zhkg --version)\"" _ "$txt"
missing=0
while IFS= read -r line; do
    words=$(printf '%s' "$line" | tr -s ' ' ' ' | sed 's/^ //; s/ $//')
    [ -z "$words" ] && continue
    case $words in Usage:*) words=${words#Usage: } ;; or:*) words=${words#or: } ;; esac
    if ! printf '%s' "$txt" | grep -qF -- "$words"; then
        echo "  not in the man page: $words"
        missing=$((missing + 1))
    fi
done < <("$zhkg" --help | sed 's/^  *//')
check "every line of zhkg --help is in the page ($missing missing)" [ $missing -eq 0 ]
for opt in $("$zhkg" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    printf '%s' "$txt" | grep -qF -- "$opt" || { fail "option $opt in the page"; }
done
pass "every long option of --help is in the page"
finish
