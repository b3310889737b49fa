# robust.* tests: hostile inputs, and the readers of HTML pages and legacy
# encodings (docs/robustness.md).
#
#   robust.case.NAME        tests/robust/cases/NAME.case through text_test
#                           (the case format of docs/text.md, with options)
#   robust.cli.NAME         tests/robust/NAME.sh: zhkg itself on a hostile
#                           input, with the exact messages and exit status
#   robust.fuzz.T.corpus    fuzz target T (html, decode, rules) as a plain
#                           program over its seeds, tests/fuzz/corpus/T/
#
# With clang and -DZHKG_FUZZ=ON, fuzz_T_libfuzzer (the library compiled
# again with coverage) and robust.fuzz.T.libfuzzer, a run of
# ZHKG_FUZZ_SECONDS seconds that writes new inputs to the build tree, never
# to the seeds (scripts/test.sh fuzz runs them).

file(GLOB ZK_ROBUST_CASES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/robust/cases/*.case)
foreach(zk_case ${ZK_ROBUST_CASES})
  get_filename_component(zk_name ${zk_case} NAME_WE)
  add_test(NAME robust.case.${zk_name} COMMAND text_test case ${zk_case})
endforeach()

file(GLOB ZK_ROBUST_CLI CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/robust/*.sh)
list(REMOVE_ITEM ZK_ROBUST_CLI ${CMAKE_CURRENT_SOURCE_DIR}/robust/lib.sh)
foreach(zk_script ${ZK_ROBUST_CLI})
  get_filename_component(zk_name ${zk_script} NAME_WE)
  add_test(NAME robust.cli.${zk_name}
           COMMAND bash ${zk_script} $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/robust/${zk_name})
  set_tests_properties(robust.cli.${zk_name} PROPERTIES TIMEOUT 900)
endforeach()

set(ZK_FUZZ_TARGETS html decode rules)
foreach(t ${ZK_FUZZ_TARGETS})
  add_executable(fuzz_${t} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${t}.c)
  target_include_directories(fuzz_${t} PRIVATE ${CMAKE_SOURCE_DIR}/include
                             ${CMAKE_SOURCE_DIR}/extract)
  target_compile_options(fuzz_${t} PRIVATE ${ZK_WARNINGS})
  target_compile_definitions(fuzz_${t} PRIVATE _POSIX_C_SOURCE=200809L)
  target_link_libraries(fuzz_${t} PRIVATE zhkg_static)
  add_test(NAME robust.fuzz.${t}.corpus
           COMMAND fuzz_${t} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${t})
endforeach()

set(ZHKG_FUZZ_SECONDS 15 CACHE STRING
    "Seconds each robust.fuzz.*.libfuzzer test fuzzes (ZHKG_FUZZ=ON)")
if(ZHKG_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
  # The whole library again, with libFuzzer's coverage instrumentation and
  # the sanitizers; same sources, include paths and libraries as zhkg_obj.
  add_library(zhkg_fuzz_obj OBJECT ${ZK_LIB_SOURCES})
  target_include_directories(zhkg_fuzz_obj PUBLIC
      $<TARGET_PROPERTY:zhkg_obj,INCLUDE_DIRECTORIES>)
  target_compile_definitions(zhkg_fuzz_obj PUBLIC
      $<TARGET_PROPERTY:zhkg_obj,COMPILE_DEFINITIONS>)
  target_compile_options(zhkg_fuzz_obj PRIVATE ${ZK_WARNINGS}
      -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all)
  target_link_libraries(zhkg_fuzz_obj PUBLIC
      $<TARGET_PROPERTY:zhkg_obj,INTERFACE_LINK_LIBRARIES>)

  set(ZK_FUZZ_MAXLEN_html 16384)
  set(ZK_FUZZ_MAXLEN_decode 4096)
  set(ZK_FUZZ_MAXLEN_rules 8192)
  foreach(t ${ZK_FUZZ_TARGETS})
    add_executable(fuzz_${t}_libfuzzer ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${t}.c)
    target_compile_definitions(fuzz_${t}_libfuzzer PRIVATE ZK_LIBFUZZER)
    target_compile_options(fuzz_${t}_libfuzzer PRIVATE ${ZK_WARNINGS}
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
    target_link_options(fuzz_${t}_libfuzzer PRIVATE
        -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_${t}_libfuzzer PRIVATE zhkg_fuzz_obj)
    # New inputs go to fuzz_T_new/, crashes to fuzz_T_crash-* in the build
    # tree; turn a crash into a seed by hand (docs/robustness.md).
    add_test(NAME robust.fuzz.${t}.libfuzzer
             COMMAND sh -c "mkdir -p fuzz_${t}_new && exec \"$0\" -max_total_time=$1 -timeout=20 -rss_limit_mb=4096 -max_len=$2 -dict=\"$3\" -artifact_prefix=fuzz_${t}_ -print_final_stats=1 fuzz_${t}_new \"$4\""
                     $<TARGET_FILE:fuzz_${t}_libfuzzer> ${ZHKG_FUZZ_SECONDS}
                     ${ZK_FUZZ_MAXLEN_${t}}
                     ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/${t}.dict
                     ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${t})
    math(EXPR zk_timeout "${ZHKG_FUZZ_SECONDS} + 300")
    set_tests_properties(robust.fuzz.${t}.libfuzzer PROPERTIES
                         TIMEOUT ${zk_timeout} LABELS fuzz)
  endforeach()
endif()
