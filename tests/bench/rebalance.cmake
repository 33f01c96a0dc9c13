# SPDX-License-Identifier: MIT
# Rebalance planning with the default strategy (by_disk_size): the fixture cluster's shape with a fourth, empty
# worker (6,624 placements; aim well under 3 ms) and 1,000,000 placements over 200 nodes (aim under 1 s).
shardscope_add_benchmark(bench_rebalance ${CMAKE_CURRENT_LIST_DIR}/bench_rebalance.cpp)
target_link_libraries(bench_rebalance PRIVATE shardscope_engine)
