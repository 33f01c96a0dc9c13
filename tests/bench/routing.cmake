# SPDX-License-Identifier: MIT
# Routing int8 keys: PostgreSQL's hashint8 plus Citus's uniform shard index (aim: 100 million keys/s on one core).
shardscope_add_benchmark(bench_routing "${CMAKE_CURRENT_LIST_DIR}/bench_routing.cpp")
target_link_libraries(bench_routing PRIVATE shardscope_engine)
