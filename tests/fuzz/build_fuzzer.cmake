# SPDX-License-Identifier: MIT
# cmake -DSOURCE_DIR= -DBINARY_DIR= -DCXX= -DGENERATOR= -DBACKEND_DIR= -P build_fuzzer.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR}/build -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX}
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHARDSCOPE_BACKEND_DIR=${BACKEND_DIR}
    RESULT_VARIABLE configured)
if(NOT configured EQUAL 0)
    message(FATAL_ERROR "configuring the fuzzer with ${CXX} failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR}/build --parallel 2 RESULT_VARIABLE built)
if(NOT built EQUAL 0)
    message(FATAL_ERROR "building the fuzzer failed")
endif()
