// SPDX-License-Identifier: MIT
#pragma once

// The tables the Citus tests work on: a schema of their own, so they never move, change or drop what others
// keep on a shared cluster, dropped again at the end. Colocation groups of their own (colocate_with none), so
// moving one of these shards never drags another schema's colocated shard along.
#include "live/pgsession.h"

#include <QString>
#include <QTest>
#include <string>
#include <vector>

namespace shardscope::test {

class CitusTestSchema
{
public:
    /** The hostile name of the table colocated with accounts: quotes, a semicolon, spaces, non-ASCII. */
    static std::string hostileTable() { return "line \"items\"; drop table x; -- \xC3\xBC"; }

    CitusTestSchema(live::PgSession& session, std::string schema) : m_session(session), m_schema(std::move(schema)) {}

    const std::string& name() const { return m_schema; }
    /** schema.table quoted by the server's rules (for SQL written by the test). */
    std::string qualified(const std::string& table) const
    {
        return *m_session.quoteIdentifier(m_schema) + '.' + *m_session.quoteIdentifier(table);
    }

    /**
     * Creates the schema (after dropping a leftover of an aborted run): accounts (6 shards) and the hostile
     * table colocated with it, blobs (4 shards, one hot key), countries (reference), and plain tables
     * notes and events (partitioned, one partition) that Citus does not know.
     */
    bool create()
    {
        const std::string s = *m_session.quoteIdentifier(m_schema);
        const std::string hostile = qualified(hostileTable());
        return run(
            {"DROP SCHEMA IF EXISTS " + s + " CASCADE",
             "CREATE SCHEMA " + s,
             "CREATE TABLE " + s + ".accounts (id bigint PRIMARY KEY, name text)",
             "CREATE TABLE " + hostile + " (account_id bigint, id bigint, qty int, PRIMARY KEY (account_id, id))",
             "CREATE TABLE " + s + ".blobs (id int PRIMARY KEY, payload text)",
             "CREATE TABLE " + s + ".countries (code text PRIMARY KEY, name text)",
             "CREATE TABLE " + s + ".notes (id bigint PRIMARY KEY, body text)",
             "CREATE TABLE " + s + ".events (id bigint, at date) PARTITION BY RANGE (at)",
             "CREATE TABLE " + s + ".events_2026 PARTITION OF " + s +
                 ".events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
             "SELECT create_distributed_table('" + s +
                 ".accounts', 'id', shard_count => 6, colocate_with => "
                 "'none')",
             "SELECT create_distributed_table($q$" + hostile + "$q$, 'account_id', colocate_with => '" + s +
                 ".accounts')",
             "SELECT create_distributed_table('" + s +
                 ".blobs', 'id', shard_count => 4, colocate_with => "
                 "'none')",
             "SELECT create_reference_table('" + s + ".countries')",
             "INSERT INTO " + s + ".accounts SELECT g, 'a' || g FROM generate_series(1, 6000) g",
             "INSERT INTO " + hostile + " SELECT g % 6000 + 1, g, 1 FROM generate_series(1, 30000) g",
             "INSERT INTO " + s +
                 ".blobs SELECT g, repeat('x', CASE WHEN g = 1 THEN 400000 ELSE 100 END) "
                 "FROM generate_series(1, 400) g",
             "INSERT INTO " + s + ".countries VALUES ('de', 'Germany'), ('fr', 'France')",
             "INSERT INTO " + s + ".notes SELECT g, 'note ' || g FROM generate_series(1, 500) g",
             "INSERT INTO " + s + ".events SELECT g, DATE '2026-03-01' FROM generate_series(1, 50) g",
             "ANALYZE " + s + ".notes",
             "ANALYZE " + s + ".events_2026"});
    }

    /** Moves placements of accounts' group until one worker holds all but one: something to rebalance. */
    bool unbalance()
    {
        auto workers = m_session.exec("SELECT nodename, nodeport FROM pg_dist_node WHERE groupid > 0 AND "
                                      "noderole = 'primary' AND isactive AND shouldhaveshards ORDER BY nodeid");
        if (!workers || workers->rows.size() < 2)
            return false;
        const std::string target = workers->text(0, 0);
        const std::string port = workers->text(0, 1);
        auto shards = m_session.exec(
            "SELECT s.shardid, n.nodename, n.nodeport FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) "
            "JOIN pg_dist_node n ON n.groupid = p.groupid WHERE s.logicalrelid = $1::regclass "
            "AND NOT (n.nodename = $2 AND n.nodeport = $3::int4) ORDER BY s.shardid",
            {qualified("accounts"), target, port});
        if (!shards)
            return false;
        for (std::size_t i = 1; i < shards->rows.size(); ++i) {
            auto moved = m_session.exec("SELECT citus_move_shard_placement($1::int8, $2, $3::int4, $4, $5::int4, "
                                        "'block_writes')",
                                        {shards->text(i, 0), shards->text(i, 1), shards->text(i, 2), target, port});
            if (!moved) {
                qWarning("%s", moved.error().message.c_str());
                return false;
            }
        }
        return true;
    }

    /**
     * A rebalance strategy like by_shard_count that lets only this schema's shards move: any other shard is
     * allowed only on the node that holds it. A rebalance with it leaves what others keep on the cluster alone.
     * Its name is the schema's; dropStrategy() removes it (before the schema, whose function it names).
     */
    bool createConfinedStrategy()
    {
        const std::string s = *m_session.quoteIdentifier(m_schema);
        auto literal = m_session.quoteLiteral(m_schema);
        dropStrategy();
        return run({"CREATE OR REPLACE FUNCTION " + s +
                        ".confined(shardid bigint, nodeid int) RETURNS boolean LANGUAGE sql "
                        "STABLE AS $$SELECT EXISTS (SELECT 1 FROM pg_dist_shard s JOIN pg_class c ON c.oid = "
                        "s.logicalrelid WHERE s.shardid = $1 AND c.relnamespace = " +
                        *literal +
                        "::regnamespace) OR EXISTS (SELECT 1 FROM pg_dist_placement p JOIN pg_dist_node n USING "
                        "(groupid) WHERE p.shardid = $1 AND n.nodeid = $2)$$",
                    "SELECT citus_add_rebalance_strategy(" + *literal +
                        ", 'citus_shard_cost_1', 'citus_node_capacity_1', '" + s + ".confined', 0, 0, 0)"});
    }

    void dropStrategy() { (void)m_session.exec("DELETE FROM pg_dist_rebalance_strategy WHERE name = $1", {m_schema}); }

    /** The tables of Citus's plan that are not ours (empty: a rebalance with that strategy only moves ours). */
    std::vector<std::string> foreignTablesInPlan(const std::string& strategy)
    {
        std::vector<std::string> foreign;
        auto plan = m_session.exec("SELECT DISTINCT n.nspname FROM get_rebalance_table_shards_plan("
                                   "rebalance_strategy => $1) p JOIN pg_class c ON c.oid = p.table_name "
                                   "JOIN pg_namespace n ON n.oid = c.relnamespace",
                                   {strategy});
        if (!plan) {
            foreign.push_back(plan.error().message);
            return foreign;
        }
        for (std::size_t i = 0; i < plan->rows.size(); ++i) {
            if (plan->text(i, 0) != m_schema)
                foreign.push_back(plan->text(i, 0));
        }
        return foreign;
    }

    void drop()
    {
        dropStrategy(); // it names a function of the schema
        (void)m_session.exec("DROP SCHEMA IF EXISTS " + *m_session.quoteIdentifier(m_schema) + " CASCADE");
    }

    bool run(const std::vector<std::string>& statements)
    {
        for (const std::string& sql : statements) {
            auto result = m_session.exec(sql);
            if (!result) {
                qWarning("%s: %s", sql.c_str(), result.error().message.c_str());
                return false;
            }
        }
        return true;
    }

private:
    live::PgSession& m_session;
    std::string m_schema;
};

} // namespace shardscope::test
