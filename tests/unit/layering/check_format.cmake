# SPDX-License-Identifier: MIT
# Fails when a C++ file of the project differs from what clang-format (config: .clang-format) makes of it.
find_program(CLANG_FORMAT NAMES clang-format clang-format-14 REQUIRED)
file(GLOB_RECURSE files "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/ui/*.cpp"
     "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h" "${SOURCE_DIR}/charts/*.cpp"
     "${SOURCE_DIR}/charts/*.h" "${SOURCE_DIR}/cluster_backend/*.cpp" "${SOURCE_DIR}/cluster_backend/*.h"
     "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files} RESULT_VARIABLE rc ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "clang-format finds unformatted code (run clang-format -i):\n${out}")
endif()
