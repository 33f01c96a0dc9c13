# SPDX-License-Identifier: MIT
# Reading a million placements from a local server: catalog-shaped synthetic tables on the throw-away
# PostgreSQL server, read by the live catalog reader through its schema option.
if(TARGET shardscope_live)
    shardscope_add_benchmark(bench_live_catalog ${CMAKE_CURRENT_SOURCE_DIR}/live/bench_livecatalog.cpp
                             ${PROJECT_SOURCE_DIR}/tests/pg/live/syntheticcatalog.cpp)
    target_include_directories(bench_live_catalog PRIVATE ${PROJECT_SOURCE_DIR}/tests/pg/live)
    target_link_libraries(bench_live_catalog PRIVATE shardscope_live)
    # The smoke run uses 100,000 placements to stay short; full runs default to 1,000,000.
    set_tests_properties(bench_live_catalog PROPERTIES FIXTURES_REQUIRED pg_server LABELS "bench;pg"
        ENVIRONMENT "SHARDSCOPE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;SHARDSCOPE_TEST_PG_DIR=${SHARDSCOPE_TEST_PG_DIR};SHARDSCOPE_BENCH_LIVE_PLACEMENTS=100000")
endif()
