# cli.* tests: the zhkg program as a user runs it (usage, exit codes,
# inputs, outputs).  Each tests/cli/NAME.sh is one test, run as
#   bash NAME.sh ZHKG_BINARY SOURCE_DIR SCRATCH_DIR
# see tests/cli/lib.sh.
file(GLOB ZK_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cli/*.sh)
list(REMOVE_ITEM ZK_CLI_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/cli/lib.sh)
foreach(script ${ZK_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli.${name}
           COMMAND bash ${script} $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/cli/${name})
  set_tests_properties(cli.${name} PROPERTIES TIMEOUT 120)
endforeach()
