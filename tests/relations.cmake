# Relations are data: a relation type added in a copy of rules/ shows up
# in the outputs with no C change.
add_test(NAME relations.new_type_by_rules_only
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/relations/new_type.sh
                 $<TARGET_FILE:zhkg> ${CMAKE_SOURCE_DIR}/rules)

# A company's name without its place joins the same node across articles.
add_test(NAME relations.placeless_alias
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/relations/placeless_alias.sh
                 $<TARGET_FILE:zhkg>)
