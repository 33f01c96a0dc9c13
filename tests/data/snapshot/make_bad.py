#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes bad/*.json (defective variants of good/sample.json) and bad/expected.tsv: file name, then a fragment
# the error message must contain. Run it again after changing the cases; the outputs are committed.
import os

here = os.path.dirname(os.path.abspath(__file__))
good = open(os.path.join(here, 'good', 'sample.json'), 'rb').read()


def sub(old, new, count=1):
    assert good.count(old) >= count, old
    return good.replace(old, new, count)


def nth(old, new, n):
    """Replaces the n-th (0-based) occurrence of old."""
    start = -1
    for _ in range(n + 1):
        start = good.index(old, start + 1)
    return good[:start] + new + good[start + len(old):]


node0 = b'{"id":1,"group":0,"name":"coord.example"'
cases = [
    ('empty', b'', 'the file is empty'),
    ('not_json', b'hello world', 'not valid JSON'),
    ('top_level_array', b'[1,2,3]', 'a snapshot is a JSON object, found an array'),
    ('top_level_null', b'null', 'a snapshot is a JSON object, found null'),
    ('truncated_half', good[:len(good) // 2], 'not valid JSON: truncated or malformed'),
    ('truncated_in_string', good[:good.index(b'coord.ex')], 'not valid JSON: truncated or malformed'),
    ('truncated_last_brace', good.rstrip()[:-1], 'not valid JSON: truncated or malformed'),
    ('trailing_content', good + b'{}', 'unexpected content after the end of the snapshot'),
    ('wrong_format', sub(b'"shardscope-snapshot"', b'"other-tool"'), 'format: "other-tool" is not "shardscope-snapshot"'),
    ('no_format', sub(b'"format":"shardscope-snapshot",', b''), 'this is not a ShardScope snapshot'),
    ('future_version', sub(b'"version":1', b'"version":2'), 'format version 2 is newer than this ShardScope reads (1)'),
    ('version_zero', sub(b'"version":1', b'"version":0'), 'unknown format version 0'),
    ('version_string', sub(b'"version":1', b'"version":"1"'), 'version: expected an integer'),
    ('missing_nodes', sub(b'"nodes":[', b'"nodez":['), 'unknown member "nodez"'),
    ('missing_sequences', good[:good.index(b'"sequences"')] + good[good.index(b'"nodes"'):],
     'missing member "sequences"'),
    ('missing_node_field', sub(b'"port":9701,', b''), 'nodes[1]: missing member "port"'),
    ('missing_metadata_field', sub(b'"captured_at":"2026-11-25T12:00:00Z",', b''),
     'metadata: missing member "captured_at"'),
    ('unknown_member', sub(b'"version":1,', b'"version":1,"extra":true,'), 'unknown member "extra"'),
    ('duplicate_member', sub(b'"version":1,', b'"version":1,"version":1,'), 'duplicate member "version"'),
    ('duplicate_node_member', sub(b'"port":5432,', b'"port":5432,"port":5433,'), 'nodes[0]: duplicate member "port"'),
    ('nodes_not_array', sub(b'"nodes":[', b'"nodes":{"a":[').replace(b'"free_disk_bytes":4294967296}],',
                                                                   b'"free_disk_bytes":4294967296}]},', 1),
     'nodes: expected an array, found an object'),
    ('node_not_object', sub(b'"nodes":[\n', b'"nodes":[\n7,'), 'nodes[0]: expected an object, found the number 7'),
    ('port_string', sub(b'"port":5432', b'"port":"5432"'), 'nodes[0].port: expected an integer, found a string'),
    ('port_out_of_range', sub(b'"port":5432', b'"port":70000'), 'port 70000 is not between 1 and 65535'),
    ('port_too_big_for_int32', sub(b'"port":5432', b'"port":4294967296'),
     'nodes[0].port: the value 4294967296 is out of range'),
    ('bytes_float', sub(b'"bytes":[819200', b'"bytes":[1.5'),
     'placements.bytes[0]: expected an integer, found the number 1.5'),
    ('bytes_huge', sub(b'"bytes":[819200', b'"bytes":[99999999999999999999999'),
     'placements.bytes[0]: the number 99999999999999999999999 does not fit in a 64-bit integer'),
    ('bytes_negative', sub(b'"bytes":[819200', b'"bytes":[-5'), 'bytes and rows must not be negative'),
    ('bytes_string', sub(b'"bytes":[819200,57344', b'"bytes":[819200,"57344"'),
     'placements.bytes[1]: expected an integer, found a string'),
    ('bytes_null', sub(b'"bytes":[819200,57344', b'"bytes":[819200,null'),
     'placements.bytes[1]: expected an integer, found null'),
    ('group_too_big', sub(b'"group":[1,', b'"group":[4294967296,'), 'placements.group[0]: the value 4294967296'),
    ('column_length_mismatch', sub(b'"rows":[1000,', b'"rows":['), 'has 8 elements but the columns before it have 9'),
    ('rows_missing', sub(b',\n"rows":[1000,70,250,250,250,0,12,1,2]', b''), 'placements: missing member "rows"'),
    ('duplicate_node_id', sub(b'{"id":2,"group":1', b'{"id":1,"group":1'), 'duplicate node id 1'),
    ('duplicate_endpoint', sub(b'"name":"worker1","port":9701', b'"name":"coord.example","port":5432'),
     'another node already has name coord.example and port 5432'),
    ('duplicate_shard_id', sub(b'"id_deltas":[102008,1,1,1,1,1,1]', b'"id_deltas":[102008,1,1,1,1,1,0]'),
     'duplicate shard id 102013'),
    ('duplicate_placement_id', sub(b'"id_deltas":[1,1,1,1,1,1,1,1,6]', b'"id_deltas":[1,1,1,1,1,1,1,1,0]'),
     'duplicate placement id 8'),
    ('placement_id_zero', sub(b'"id_deltas":[1,1,1,1,1,1,1,1,6]', b'"id_deltas":[0,1,1,1,1,1,1,1,6]'),
     'placements[0]: placement id 0 must be at least 1'),
    ('dangling_placement_shard', sub(b'"shard_deltas":[102008,', b'"shard_deltas":[999,'),
     'placements[0] (placement 1): shard 999 does not exist'),
    ('dangling_group', sub(b'"group":[1,2,0,', b'"group":[1,7,0,'), 'placements[1] (placement 2): no node has group 7'),
    ('two_placements_same_group', sub(b'"group":[1,2,0,1,2,', b'"group":[1,2,0,1,1,'),
     'shard 102010 has two placements on group 1'),
    ('dangling_shard_table', sub(b'"table":[16384,', b'"table":[99,'), 'shards[0] (shard 102008): table oid 99 does not exist'),
    ('dangling_colocation', sub(b'"colocation_id":1,', b'"colocation_id":42,'), 'colocation group 42 does not exist'),
    ('dangling_parent', sub(b'"partition_of":16384', b'"partition_of":1'), 'parent table oid 1 does not exist'),
    ('min_null_max_not', sub(b'"min":[-2147483648', b'"min":[null'),
     'shards.min[0]: is null but the other bound is not'),
    ('min_greater_than_max', sub(b'"min":[-2147483648,0,', b'"min":[-2147483648,5,').replace(
        b'"max":[-1,2147483647', b'"max":[-1,4', 1), 'min value 5 is greater than max value 4'),
    ('range_on_reference', sub(b'"min":[-2147483648,0,null', b'"min":[-2147483648,0,1').replace(
        b'"max":[-1,2147483647,null', b'"max":[-1,2147483647,2', 1),
     'only shards of hash-distributed tables have a hash range'),
    ('hash_bound_too_big', sub(b'"max":[-1,2147483647', b'"max":[-1,2147483648'),
     'shards.max[1]: the hash value 2147483648 does not fit in int32'),
    ('unknown_role', sub(b'"role":"secondary"', b'"role":"leader"'), 'nodes[2].role: "leader" is not primary'),
    ('unknown_kind', sub(b'"kind":"reference"', b'"kind":"range"'), 'tables[1].kind: unknown table kind "range"'),
    ('column_type_alias', sub(b'"column_type":"int8","collation"', b'"column_type":"bigint","collation"'),
     'colocation_groups[0].column_type: unknown column type "bigint"'),
    ('bad_captured_at', sub(b'"captured_at":"2026-11-25T12:00:00Z"', b'"captured_at":"yesterday"'),
     '"yesterday" is not an ISO 8601 date and time'),
    ('bad_source', sub(b'"source":"embedded"', b'"source":"cloud"'), 'neither "embedded" nor "live"'),
    ('invalid_utf8', sub(b'coord.example', b'coord\xff\xfeexample'), 'not valid UTF-8'),
    ('control_character', sub(b'coord.example', b'coord\x01example'), 'unescaped control character'),
    ('bad_escape', sub(b'coord.example', b'coord\\qexample'), 'invalid escape sequence'),
    ('shard_count_absurd', sub(b'"shard_count":2', b'"shard_count":1000000'),
     'shard count 1000000 is not between 0 and 64000'),
    ('replication_factor_zero', sub(b'"replication_factor":1,"column_type":"int8"',
                                    b'"replication_factor":0,"column_type":"int8"'),
     'replication factor 0 is neither -1 nor between 1 and 1000'),
    ('duplicate_table_name', sub(b'"name":"countries"', b'"name":"users"'), 'another table has the same schema and name'),
    ('duplicate_table_oid', sub(b'"oid":16390', b'"oid":16384'), 'duplicate table oid 16384'),
    ('hash_without_column', sub(b'"distribution_column":"user_id"', b'"distribution_column":null'),
     'a hash-distributed table needs a distribution column'),
    ('empty_column_name', sub(b'"distribution_column":"user_id"', b'"distribution_column":""'),
     'write null when there is no distribution column'),
    ('negative_sequence', sub(b'"next_node_id":4', b'"next_node_id":-4'), 'sequences: every next value must be at least 1'),
    ('bool_as_int', sub(b'"is_active":true', b'"is_active":1'), 'nodes[0].is_active: expected true or false, found the number 1'),
    ('empty_node_name', sub(b'"name":"worker1"', b'"name":""'), 'nodes[1] (node 2): the node name is empty'),
    ('shards_on_plain_table', sub(b'"table":[16384,16384,16390,16395,16400', b'"table":[16384,16384,16390,16395,16405'),
     'is not known to Citus and has no shards'),
]

out = os.path.join(here, 'bad')
os.makedirs(out, exist_ok=True)
for name in os.listdir(out):
    os.remove(os.path.join(out, name))
with open(os.path.join(out, 'expected.tsv'), 'w', encoding='utf-8') as tsv:
    for name, data, expected in cases:
        assert data != good, name
        with open(os.path.join(out, name + '.json'), 'wb') as f:
            f.write(data)
        tsv.write(f'{name}.json\t{expected}\n')
