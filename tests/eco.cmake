# eco.* tests (issue 5): zhkg's outputs in the tools that use them, and
# libzhkg as an installed library.  Scripts and data in tests/eco/; see
# docs/formats.md for the formats and docs/library.md for the install.
#
#   eco.setup.npm        npm ci of Kuzu and Oxigraph (tests/eco/package-lock.json)
#   eco.setup.samples    zhkg build of samples/ into every format, CSV included
#   eco.counts.*         every consumer counts the same nodes and edges per type:
#                        GraphML, DOT (gc), CSV rows, Kuzu, JSON-LD via jsonld.js
#                        into Oxigraph and rdflib (SPARQL)
#   eco.render           zhkg render: SVG/PNG/PDF through libgvc, options
#   eco.render_clusters  --cluster city figures: the same bytes however the heap
#                        lies (-j 1/2, ...), the DOT file's clusters in its order
#   eco.jsonld           --base-iri, TextPositionSelector offsets
#   eco.progress         the progress line on a terminal, never in a pipe
#   eco.install          cmake --install, then pkg-config and find_package users
#   eco.csv              the CSV directory from the command line
#   eco.man              zhkg(1) and zhkg --help agree
set(ZK_ECO ${CMAKE_CURRENT_SOURCE_DIR}/eco)
set(ZK_ECO_WORK ${CMAKE_CURRENT_BINARY_DIR}/eco)
file(MAKE_DIRECTORY ${ZK_ECO_WORK})

add_test(NAME eco.setup.npm COMMAND bash ${ZK_ECO}/npm-install.sh)
set_tests_properties(eco.setup.npm PROPERTIES FIXTURES_SETUP zk_eco_npm TIMEOUT 600)

add_test(NAME eco.setup.samples
         COMMAND $<TARGET_FILE:zhkg> build -q
                 -o ${ZK_ECO_WORK}/samples.graphml -o ${ZK_ECO_WORK}/samples.dot
                 -o ${ZK_ECO_WORK}/samples.jsonld -o ${ZK_ECO_WORK}/samples.csv/
                 ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(eco.setup.samples PROPERTIES FIXTURES_SETUP zk_eco_samples TIMEOUT 120)

# The golden small graph (tests/golden/small.*, small.csv/) and the samples.
add_test(NAME eco.counts.small
         COMMAND bash ${ZK_ECO}/counts.sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/small
                 ${ZK_ECO_WORK}/counts.small)
add_test(NAME eco.counts.samples
         COMMAND bash ${ZK_ECO}/counts.sh ${ZK_ECO_WORK}/samples ${ZK_ECO_WORK}/counts.samples)
set_tests_properties(eco.counts.small PROPERTIES FIXTURES_REQUIRED "zk_eco_npm;zk_npm" TIMEOUT 300)
set_tests_properties(eco.counts.samples PROPERTIES
                     FIXTURES_REQUIRED "zk_eco_npm;zk_npm;zk_eco_samples" TIMEOUT 300)

foreach(t render render_clusters jsonld progress csv)
  add_test(NAME eco.${t}
           COMMAND bash ${ZK_ECO}/${t}.sh $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}
                   ${ZK_ECO_WORK}/${t})
  set_tests_properties(eco.${t} PROPERTIES TIMEOUT 300)
endforeach()
set_tests_properties(eco.jsonld PROPERTIES FIXTURES_REQUIRED zk_npm)
# Graphviz, fontconfig and pango leak on their own (tests/eco/lsan.supp).
set_tests_properties(eco.render eco.render_clusters PROPERTIES
                     ENVIRONMENT "LSAN_OPTIONS=suppressions=${ZK_ECO}/lsan.supp:print_suppressions=0")

# The install test builds tiny.c with the same compiler and, in a
# sanitizer build, the same -fsanitize flags as the library.
set(ZK_ECO_CFLAGS "")
if(ZHKG_SANITIZE)
  set(ZK_ECO_CFLAGS "-fsanitize=address,undefined")
endif()
add_test(NAME eco.install
         COMMAND bash ${ZK_ECO}/install.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
                 ${ZK_ECO_WORK}/install ${CMAKE_C_COMPILER} "${ZK_ECO_CFLAGS}")
set_tests_properties(eco.install PROPERTIES TIMEOUT 600)

add_test(NAME eco.man
         COMMAND bash ${ZK_ECO}/man.sh $<TARGET_FILE:zhkg> ${CMAKE_BINARY_DIR}/zhkg.1)
