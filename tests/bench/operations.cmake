# SPDX-License-Identifier: MIT
shardscope_add_benchmark(bench_operations ${CMAKE_CURRENT_LIST_DIR}/operations/bench_operations.cpp)
target_link_libraries(bench_operations PRIVATE shardscope_engine shardscope_sim)
