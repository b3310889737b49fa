# Text layer tests (zk_text_from_utf8, see docs/text.md):
#   text.<case>              one per tests/text/*.case data file
#   text.invariants.samples  every sample article passes the invariants of
#                            tests/text_check.h (and the dev articles, when
#                            /work/shared/dev is present)
#   text.errors, text.util   error records and the helpers of extract/util.c
#   text.scale               100 MB single line, a million one-char lines
#   text.fuzz.corpus         the fuzz target as a plain program over its seeds
# With clang and -DZHKG_FUZZ=ON a libFuzzer build (fuzz_text_libfuzzer) and a
# short run of it (text.fuzz.libfuzzer) are added as well.

add_executable(text_test ${CMAKE_CURRENT_SOURCE_DIR}/text_test.c)
target_include_directories(text_test PRIVATE ${CMAKE_SOURCE_DIR}/include
                           ${CMAKE_SOURCE_DIR}/extract ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(text_test PRIVATE ${ZK_WARNINGS})
target_compile_definitions(text_test PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(text_test PRIVATE zhkg_static)

file(GLOB ZK_TEXT_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/text/*.case)
foreach(zk_case ${ZK_TEXT_CASES})
  get_filename_component(zk_case_name ${zk_case} NAME_WE)
  add_test(NAME text.${zk_case_name} COMMAND text_test case ${zk_case})
endforeach()

add_test(NAME text.invariants.samples
         COMMAND text_test invariants ${CMAKE_SOURCE_DIR}/samples)
set(ZK_TEXT_DEV_DIR ${CMAKE_SOURCE_DIR}/../shared/dev CACHE PATH
    "Extra articles checked by text.invariants.dev (skipped if missing)")
if(EXISTS ${ZK_TEXT_DEV_DIR})
  file(GLOB ZK_TEXT_DEV_FILES ${ZK_TEXT_DEV_DIR}/*.txt)
  if(ZK_TEXT_DEV_FILES)
    add_test(NAME text.invariants.dev
             COMMAND text_test invariants ${ZK_TEXT_DEV_FILES})
  endif()
endif()
add_test(NAME text.errors COMMAND text_test errors)
add_test(NAME text.util COMMAND text_test util)
add_test(NAME text.scale COMMAND text_test scale 100)
set_tests_properties(text.scale PROPERTIES TIMEOUT 600)

add_executable(fuzz_text ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_text.c)
target_include_directories(fuzz_text PRIVATE ${CMAKE_SOURCE_DIR}/include
                           ${CMAKE_SOURCE_DIR}/extract)
target_compile_options(fuzz_text PRIVATE ${ZK_WARNINGS})
target_compile_definitions(fuzz_text PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(fuzz_text PRIVATE zhkg_static)
add_test(NAME text.fuzz.corpus
         COMMAND fuzz_text ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/text)

if(ZHKG_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
  # The text sources are compiled into the target so that libFuzzer sees
  # their coverage.  New inputs go to the build tree, never to the seeds.
  add_executable(fuzz_text_libfuzzer ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_text.c
                 ${CMAKE_SOURCE_DIR}/extract/text.c
                 ${CMAKE_SOURCE_DIR}/extract/text_line.c
                 ${CMAKE_SOURCE_DIR}/extract/util.c
                 ${CMAKE_SOURCE_DIR}/extract/error.c)
  target_include_directories(fuzz_text_libfuzzer PRIVATE
                             ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/extract)
  target_compile_definitions(fuzz_text_libfuzzer PRIVATE ZK_LIBFUZZER
                             _POSIX_C_SOURCE=200809L)
  target_compile_options(fuzz_text_libfuzzer PRIVATE ${ZK_WARNINGS}
                         -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_text_libfuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_text_libfuzzer PRIVATE PkgConfig::UTF8PROC)
  add_test(NAME text.fuzz.libfuzzer
           COMMAND sh -c "mkdir -p fuzz_text_corpus && exec \"$0\" -runs=50000 -max_len=2048 -dict=\"$1\" fuzz_text_corpus \"$2\""
                   $<TARGET_FILE:fuzz_text_libfuzzer>
                   ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/text.dict
                   ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/text)
  set_tests_properties(text.fuzz.libfuzzer PROPERTIES TIMEOUT 600)
endif()
