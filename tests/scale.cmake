# scale.* tests (issue 8): the map and reduce steps (zhkg extract, zhkg
# merge), incremental updates (--update STATE), the JSON Lines format, and
# the Dask example, all against `zhkg build` byte for byte.  See
# docs/scale.md.  Each tests/scale/NAME.sh runs like the cli.* tests
# (tests/cli/lib.sh):
#   bash tests/scale/NAME.sh ZHKG_BINARY SOURCE_DIR SCRATCH_DIR
# A test that needs something missing (Dask) fails: setup.sh installs it.
#   scale.jsonl.fuzz.corpus  the JSON Lines fuzz target over its seeds
#   scale.jsonl.errors, scale.jsonl.good  the library reader, zk_jsonl_*
file(GLOB ZK_SCALE_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/scale/*.sh)
foreach(script ${ZK_SCALE_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME scale.${name}
           COMMAND bash ${script} $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/scale/${name})
  set_tests_properties(scale.${name} PROPERTIES TIMEOUT 300)
endforeach()

add_executable(fuzz_jsonl ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_jsonl.c)
target_include_directories(fuzz_jsonl PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_options(fuzz_jsonl PRIVATE ${ZK_WARNINGS})
target_compile_definitions(fuzz_jsonl PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(fuzz_jsonl PRIVATE zhkg_static)
add_test(NAME scale.jsonl.fuzz.corpus
         COMMAND fuzz_jsonl ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/jsonl)

# The library's reader (zk_jsonl_*) on the same data as scale.errors.
add_executable(jsonl_test ${CMAKE_CURRENT_SOURCE_DIR}/jsonl_test.c)
target_include_directories(jsonl_test PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_options(jsonl_test PRIVATE ${ZK_WARNINGS})
target_compile_definitions(jsonl_test PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(jsonl_test PRIVATE zhkg_static)
add_test(NAME scale.jsonl.errors
         COMMAND jsonl_test errors ${CMAKE_CURRENT_SOURCE_DIR}/scale/errors)
add_test(NAME scale.jsonl.good
         COMMAND jsonl_test good ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/jsonl/sample_004.jsonl)
