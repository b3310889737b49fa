# package.cmake - libzhkg as something other projects build against, and
# what `cmake --install` installs (docs/library.md):
#
#   bin/zhkg                              the program
#   lib/libzhkg.so.0 (.so), lib/libzhkg.a the library, shared and static
#   include/zhkg.h                        its interface
#   lib/pkgconfig/zhkg.pc                 pkg-config: cc $(pkg-config --cflags --libs zhkg)
#   lib/cmake/zhkg/                       find_package(zhkg): zhkg::zhkg (shared),
#                                         zhkg::zhkg_static
#   share/man/man1/zhkg.1                 the man page, made from `zhkg --help`
#   share/zhkg/rules/                     the rules the program loads
#
# The libraries libzhkg needs are read off zhkg_static's link interface
# (every PkgConfig::NAME target the root CMakeLists.txt links it with), so a
# dependency added there reaches zhkg.pc's Requires.private and the CMake
# package's find_dependency calls without an edit here.  That is why this
# file is included last.
include(CMakePackageConfigHelpers)

# --- dependencies: pkg-config modules and other link items ---------------
get_target_property(_zk_links zhkg_static INTERFACE_LINK_LIBRARIES)
set(ZK_PC_REQUIRES "")     # for zhkg.pc
set(ZK_PC_LIBS_PRIVATE "") # -l flags of links that are not pkg-config modules
set(ZK_CONFIG_DEPS "")     # lines of zhkgConfig.cmake
foreach(_l IN LISTS _zk_links)
  if(_l MATCHES "^PkgConfig::(.+)$")
    set(_p ${CMAKE_MATCH_1})
    if(NOT ${_p}_MODULE_NAME)
      message(FATAL_ERROR "package.cmake: no pkg-config module known for ${_l}")
    endif()
    list(APPEND ZK_PC_REQUIRES ${${_p}_MODULE_NAME})
    string(APPEND ZK_CONFIG_DEPS
           "  pkg_check_modules(${_p} QUIET IMPORTED_TARGET ${${_p}_MODULE_NAME})\n"
           "  if(NOT ${_p}_FOUND)\n    set(_zk_static_ok FALSE)\n  endif()\n")
  elseif(_l STREQUAL "Threads::Threads")
    string(APPEND ZK_PC_LIBS_PRIVATE " -pthread")
    string(APPEND ZK_CONFIG_DEPS "  find_dependency(Threads)\n")
  elseif(_l MATCHES "^[A-Za-z0-9_.+-]+$" AND NOT _l MATCHES "::")
    string(APPEND ZK_PC_LIBS_PRIVATE " -l${_l}")
  elseif(_l MATCHES "\\$<")
    # generator expressions (e.g. BUILD_INTERFACE) carry nothing to install
  else()
    message(FATAL_ERROR "package.cmake: do not know how to export the link item ${_l}")
  endif()
endforeach()
list(JOIN ZK_PC_REQUIRES " " ZK_PC_REQUIRES)

# --- the shared library ----------------------------------------------------
add_library(zhkg_shared SHARED $<TARGET_OBJECTS:zhkg_obj>)
set_target_properties(zhkg_shared PROPERTIES
    OUTPUT_NAME zhkg EXPORT_NAME zhkg
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_include_directories(zhkg_shared PUBLIC
    $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(zhkg_shared PRIVATE ${_zk_links})
set_target_properties(zhkg_static PROPERTIES EXPORT_NAME zhkg_static)

# --- install ---------------------------------------------------------------
install(TARGETS zhkg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS zhkg_shared EXPORT zhkgTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS zhkg_static EXPORT zhkgStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_SOURCE_DIR}/include/zhkg.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zhkg/rules)

# zhkg.pc finds its prefix from its own place (${pcfiledir}), so the same
# file is right whatever `cmake --install --prefix` says.
set(_zk_pcdir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH ZK_PC_UP /zk/${_zk_pcdir} /zk)
string(REGEX REPLACE "/$" "" ZK_PC_UP "${ZK_PC_UP}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/zhkg.pc.in
               ${CMAKE_BINARY_DIR}/zhkg.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/zhkg.pc DESTINATION ${_zk_pcdir})

set(_zk_cmakedir ${CMAKE_INSTALL_LIBDIR}/cmake/zhkg)
install(EXPORT zhkgTargets NAMESPACE zhkg:: DESTINATION ${_zk_cmakedir})
install(EXPORT zhkgStaticTargets NAMESPACE zhkg:: DESTINATION ${_zk_cmakedir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/zhkgConfig.cmake.in
    ${CMAKE_BINARY_DIR}/zhkgConfig.cmake INSTALL_DESTINATION ${_zk_cmakedir})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/zhkgConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/zhkgConfig.cmake
              ${CMAKE_BINARY_DIR}/zhkgConfigVersion.cmake
        DESTINATION ${_zk_cmakedir})

# --- the man page: help2man turns `zhkg --help` and docs/zhkg.h2m into
# zhkg.1, so the page and --help cannot disagree (test eco.man) -----------
find_program(ZK_HELP2MAN help2man)
if(ZK_HELP2MAN)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/zhkg.1
      COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
              ${ZK_HELP2MAN} --no-info --section=1 --locale=C.UTF-8
              --name=knowledge\ graphs\ from\ Chinese\ news\ articles
              --include=${CMAKE_SOURCE_DIR}/docs/zhkg.h2m
              --output=${CMAKE_BINARY_DIR}/zhkg.1 $<TARGET_FILE:zhkg>
      DEPENDS zhkg ${CMAKE_SOURCE_DIR}/docs/zhkg.h2m
      COMMENT "help2man: zhkg.1 from zhkg --help"
      VERBATIM)
  add_custom_target(zhkg_man ALL DEPENDS ${CMAKE_BINARY_DIR}/zhkg.1)
  install(FILES ${CMAKE_BINARY_DIR}/zhkg.1
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: the man page zhkg.1 is not made "
                  "(scripts/setup.sh installs it; test eco.man fails)")
endif()
