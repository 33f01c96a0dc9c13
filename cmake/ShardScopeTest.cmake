# SPDX-License-Identifier: MIT
# shardscope_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [PG] [TIMEOUT <s>])
#
# Builds one Qt Test (or any) executable and registers it with CTest. The test runs in its source
# directory, so it finds its data as "data/..." or "../data/...". PG marks a test that needs the throw-away
# PostgreSQL server: it gets the "pg" label, requires the pg_server fixture and finds the server through
# SHARDSCOPE_TEST_PG_DIR (see tests/support/pgtestserver.h).
function(shardscope_add_test)
    cmake_parse_arguments(T "PG;GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test shardscope_testsupport ${T_LIBS})
    set(labels ${T_LABELS})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_NAME} WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
    set(env "SHARDSCOPE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data")
    if(T_PG)
        list(APPEND labels pg)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED pg_server)
        list(APPEND env "SHARDSCOPE_TEST_PG_DIR=${SHARDSCOPE_TEST_PG_DIR}")
    endif()
    if(T_GUI)
        list(APPEND labels gui)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${labels}" TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}")
endfunction()
