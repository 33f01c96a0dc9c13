# SPDX-License-Identifier: MIT
# EXPLAIN parse speed: a 50 MB plan with 10,000 Citus tasks, generated from a captured plan's task structure.
shardscope_add_benchmark(bench_explain ${CMAKE_CURRENT_LIST_DIR}/explain/bench_explain.cpp)
target_link_libraries(bench_explain PRIVATE shardscope_explain)
