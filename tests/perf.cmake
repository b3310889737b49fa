# perf.* tests (issue 7): what the performance work must not break, never
# how fast it is (speed is measured by bench/run, not asserted here).
#   perf.trie                  extract/trie.c against a naive reference
#   perf.jobs_samples          -j N output == -j 1 output, messages included
#   perf.jobs_corpus           the same on a generated corpus
#   perf.corpus_deterministic  bench/gen-corpus: same seed, same bytes
# The shell tests run like the cli.* ones (tests/cli/lib.sh):
#   bash tests/perf/NAME.sh ZHKG_BINARY SOURCE_DIR SCRATCH_DIR
add_executable(trie_test ${CMAKE_CURRENT_SOURCE_DIR}/perf/trie_test.c)
target_compile_options(trie_test PRIVATE ${ZK_WARNINGS})
target_include_directories(trie_test PRIVATE ${CMAKE_SOURCE_DIR}/extract)
target_link_libraries(trie_test PRIVATE zhkg_static)
add_test(NAME perf.trie COMMAND trie_test)

file(GLOB ZK_PERF_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/perf/*.sh)
foreach(script ${ZK_PERF_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME perf.${name}
           COMMAND bash ${script} $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/perf/${name})
  set_tests_properties(perf.${name} PROPERTIES TIMEOUT 300)
endforeach()
