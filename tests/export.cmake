# export.* tests: graph identity rules and the three writers (unit checks,
# golden files, atomic writes); consumer.* tests: real consumers (xmllint
# with the GraphML XSD, NetworkX, dot, jsonld.js, rdflib) over the golden
# files and over a graph built from samples/.  See docs/formats.md.
add_executable(export_test ${CMAKE_CURRENT_SOURCE_DIR}/export_test.c)
target_compile_options(export_test PRIVATE ${ZK_WARNINGS})
target_compile_definitions(export_test PRIVATE _POSIX_C_SOURCE=200809L)
target_include_directories(export_test PRIVATE ${CMAKE_SOURCE_DIR}/extract
                           ${CMAKE_SOURCE_DIR}/graph)
target_link_libraries(export_test PRIVATE zhkg_static)

add_test(NAME export.merge COMMAND export_test merge)
add_test(NAME export.formats COMMAND export_test formats)
add_test(NAME export.golden
         COMMAND export_test golden ${CMAKE_CURRENT_SOURCE_DIR}/golden)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/export)
add_test(NAME export.atomic
         COMMAND export_test atomic ${CMAKE_CURRENT_BINARY_DIR}/export)

# Consumers.  They need xmllint, dot/gc, fontconfig, node/npm and Debian's
# python3-networkx and python3-rdflib (under /usr/bin/python3); a missing
# tool fails the test, it does not skip it.
set(ZK_CONSUMERS ${CMAKE_CURRENT_SOURCE_DIR}/consumers)
set(ZK_CONSUMER_WORK ${CMAKE_CURRENT_BINARY_DIR}/consumers)
set(ZK_GRAPHML_XSD ${CMAKE_CURRENT_SOURCE_DIR}/schemas/graphml/1.1/graphml.xsd)

add_test(NAME consumer.setup.npm COMMAND bash ${ZK_CONSUMERS}/npm-install.sh)
set_tests_properties(consumer.setup.npm PROPERTIES
                     FIXTURES_SETUP zk_npm TIMEOUT 600)

# The sample articles, through the program, into all three formats.
add_test(NAME consumer.setup.samples
         COMMAND $<TARGET_FILE:zhkg> build -q
                 -o ${ZK_CONSUMER_WORK}/samples.graphml
                 -o ${ZK_CONSUMER_WORK}/samples.dot
                 -o ${ZK_CONSUMER_WORK}/samples.jsonld
                 ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(consumer.setup.samples PROPERTIES
                     FIXTURES_SETUP zk_samples TIMEOUT 120)
file(MAKE_DIRECTORY ${ZK_CONSUMER_WORK})

# name -> directory and base name of its three files
set(ZK_CONSUMER_small_FILES ${CMAKE_CURRENT_SOURCE_DIR}/golden/small)
set(ZK_CONSUMER_samples_FILES ${ZK_CONSUMER_WORK}/samples)
foreach(name small samples)
  set(f ${ZK_CONSUMER_${name}_FILES})
  add_test(NAME consumer.graphml.${name}
           COMMAND bash ${ZK_CONSUMERS}/graphml.sh ${f}.graphml ${ZK_GRAPHML_XSD})
  add_test(NAME consumer.dot.${name}
           COMMAND bash ${ZK_CONSUMERS}/dot.sh ${f}.dot ${f}.graphml
                   ${ZK_CONSUMER_WORK}/dot.${name})
  add_test(NAME consumer.jsonld.${name}
           COMMAND bash ${ZK_CONSUMERS}/jsonld.sh ${f}.jsonld ${f}.graphml
                   ${ZK_CONSUMER_WORK}/jsonld.${name})
  set_tests_properties(consumer.jsonld.${name} PROPERTIES FIXTURES_REQUIRED zk_npm)
  if(name STREQUAL "samples")
    set_tests_properties(consumer.graphml.${name} consumer.dot.${name}
                         consumer.jsonld.${name} PROPERTIES
                         FIXTURES_REQUIRED "zk_samples;zk_npm")
  endif()
endforeach()
