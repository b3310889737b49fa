#!/usr/bin/env bash
# install.sh BUILD_DIR SOURCE_DIR WORK CC [CFLAGS] - `cmake --install` into
# a fresh prefix, then use what it installed as another project would:
#   1. the files: bin/zhkg, libzhkg.so (+ soname link) and libzhkg.a,
#      include/zhkg.h, zhkg.pc, the CMake package, zhkg.1, the rules;
#   2. pkg-config: tiny.c built with `pkg-config --cflags --libs zhkg`
#      against the shared library, and run;
#   3. CMake: find_package(zhkg) in a small project, tiny.c linked to
#      zhkg::zhkg and to zhkg::zhkg_static, both run;
#   4. the installed zhkg finds its installed rules and agrees with tiny;
#   5. man -l renders the installed page.
set -u
build=$1 src=$2 work=$3 cc=$4 cflags=${5-}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
article=$(ls "$src"/samples/*.txt | head -1)

if cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
    pass "cmake --install"
else
    fail "cmake --install"; cat "$work/install.log"; finish; exit 1
fi
libdir=$(cd "$prefix" && ls -d lib*/ | head -1); libdir=${libdir%/}
[ -d "$prefix/$libdir/pkgconfig" ] || libdir=$(dirname "$(cd "$prefix" && ls -d lib*/*/pkgconfig 2>/dev/null | head -1)")
for f in bin/zhkg include/zhkg.h "$libdir/libzhkg.a" "$libdir/libzhkg.so" \
         "$libdir/pkgconfig/zhkg.pc" "$libdir/cmake/zhkg/zhkgConfig.cmake" \
         "$libdir/cmake/zhkg/zhkgConfigVersion.cmake" share/man/man1/zhkg.1 \
         share/zhkg/rules; do
    check "installed $f" [ -e "$prefix/$f" ]
done
check "libzhkg.so has a soname" sh -c "readelf -d '$prefix/$libdir/libzhkg.so' | grep -q 'SONAME.*libzhkg.so.0'"

# 2. pkg-config, shared
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
check "pkg-config --modversion zhkg" [ "$(pkg-config --modversion zhkg)" = "$(sed -n 's/.*ZHKG_VERSION "\(.*\)"/\1/p' "$src/include/zhkg.h")" ]
check "pkg-config --static lists the dependencies" sh -c "pkg-config --static --libs zhkg | grep -q -- -lxml2"
pcflags=$(pkg-config --cflags --libs zhkg)
pclibdir=$(pkg-config --variable=libdir zhkg)
# shellcheck disable=SC2086
if $cc $cflags -o "$work/tiny-pc" "$here/tiny.c" $pcflags -Wl,-rpath,"$pclibdir" 2>"$work/cc.err"; then
    pass "cc tiny.c \$(pkg-config --cflags --libs zhkg)"
else
    fail "cc tiny.c with pkg-config"; cat "$work/cc.err"
fi
check "tiny links the installed libzhkg.so.0" sh -c "ldd '$work/tiny-pc' | grep -q '$prefix.*libzhkg.so.0'"
out_pc=$("$work/tiny-pc" "$prefix/share/zhkg/rules" "$article")
check "tiny (pkg-config, shared) runs: $out_pc" [ -n "$out_pc" ]

# 3. CMake find_package
mkdir -p "$work/app"
cat >"$work/app/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.16)
project(tiny C)
find_package(zhkg 0.1 REQUIRED)
add_executable(tiny_shared $here/tiny.c)
target_link_libraries(tiny_shared PRIVATE zhkg::zhkg)
if(NOT zhkg_STATIC_FOUND)
  message(FATAL_ERROR "zhkg::zhkg_static not available")
endif()
add_executable(tiny_static $here/tiny.c)
target_link_libraries(tiny_static PRIVATE zhkg::zhkg_static)
CM
if cmake -S "$work/app" -B "$work/app/build" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$cflags" \
        -DCMAKE_EXE_LINKER_FLAGS="$cflags" >"$work/app.log" 2>&1 &&
   cmake --build "$work/app/build" >>"$work/app.log" 2>&1; then
    pass "find_package(zhkg): zhkg::zhkg and zhkg::zhkg_static build"
else
    fail "find_package(zhkg)"; tail -20 "$work/app.log"
fi
out_sh=$("$work/app/build/tiny_shared" "$prefix/share/zhkg/rules" "$article")
out_st=$("$work/app/build/tiny_static" "$prefix/share/zhkg/rules" "$article")
check "zhkg::zhkg program runs, same result" [ -n "$out_sh" ] && [ "$out_sh" = "$out_pc" ]
check "zhkg::zhkg_static program runs, same result" [ "$out_st" = "$out_pc" ]
check "zhkg::zhkg_static has no libzhkg.so dependency" sh -c "! ldd '$work/app/build/tiny_static' | grep -q libzhkg"

# 4. the installed program, with its installed rules
sum=$(cd "$work" && env -u ZHKG_RULES "$prefix/bin/zhkg" build -o g.graphml "$article" 2>&1)
want="zhkg: 1 document, $(echo "$out_pc" | sed 's/^libzhkg [^:]*: //')"
check "installed zhkg finds its rules: '$sum'" [ "$sum" = "$want" ]

# 5. the man page
check "man -l renders zhkg(1)" sh -c "MANWIDTH=80 man -l '$prefix/share/man/man1/zhkg.1' 2>/dev/null | grep -q 'zhkg render'"
finish
