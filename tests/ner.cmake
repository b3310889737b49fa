# Extraction tests as data: tests/ner/*.case run against the real rules/.
add_executable(ner_test ${CMAKE_CURRENT_SOURCE_DIR}/ner_test.c)
target_compile_options(ner_test PRIVATE ${ZK_WARNINGS})
target_link_libraries(ner_test PRIVATE zhkg_static)
file(GLOB ZK_NER_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/ner/*.case)
foreach(c ${ZK_NER_CASES})
  get_filename_component(n ${c} NAME_WE)
  add_test(NAME ner.${n} COMMAND ner_test ${CMAKE_SOURCE_DIR}/rules ${c})
endforeach()

# Rule loader errors: each bad rules folder must fail with FILE:LINE:COL.
add_executable(rules_test ${CMAKE_CURRENT_SOURCE_DIR}/rules_test.c)
target_compile_options(rules_test PRIVATE ${ZK_WARNINGS})
target_link_libraries(rules_test PRIVATE zhkg_static)
add_test(NAME rules.errors COMMAND rules_test ${CMAKE_SOURCE_DIR}/rules
         ${CMAKE_CURRENT_SOURCE_DIR}/rules/errors.txt)
