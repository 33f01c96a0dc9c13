# SPDX-License-Identifier: MIT
# The heatmap with a million cells: image rebuild, widget repaint, and the matrix adapter.
if(TARGET shardscope_charts)
    shardscope_add_benchmark(bench_heatmap "${CMAKE_CURRENT_LIST_DIR}/bench_heatmap.cpp")
    target_link_libraries(bench_heatmap PRIVATE shardscope_charts)
    target_include_directories(bench_heatmap PRIVATE "${PROJECT_SOURCE_DIR}/tests/unit/heatmap")
endif()
