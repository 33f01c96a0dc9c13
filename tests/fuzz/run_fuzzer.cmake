# SPDX-License-Identifier: MIT
# cmake -DFUZZER= -DWORK_DIR= -DSEEDS= -DSECONDS= -P run_fuzzer.cmake
# New inputs go to a corpus directory in the build tree; the captured plans are read-only seeds.
set(corpus "${WORK_DIR}/corpus")
file(MAKE_DIRECTORY "${corpus}" "${WORK_DIR}/artifacts")
execute_process(
    COMMAND ${FUZZER} ${corpus} ${SEEDS} -max_total_time=${SECONDS} -max_len=65536 -rss_limit_mb=2048
            -timeout=10 -print_final_stats=1 -artifact_prefix=${WORK_DIR}/artifacts/
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a crash (exit ${result}); the input is in ${WORK_DIR}/artifacts")
endif()
