# SPDX-License-Identifier: MIT
# Snapshot save + load of 1,000,000 placements (aims: under 1 s together, under 200 bytes per placement).
shardscope_add_benchmark(bench_snapshot ${CMAKE_CURRENT_LIST_DIR}/bench_snapshot.cpp)
target_link_libraries(bench_snapshot PRIVATE shardscope_snapshot Qt6::Core)
