// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"
#include "pgsession.h"
#include "queryresult.h"

#include <vector>

namespace shardscope::live {

/** The statements of one operation, run in order; the display texts are what the user confirms. */
using OperationStatements = std::vector<Statement>;

/**
 * Turns an operation request into parameterised statements for the coordinator: identifiers quoted by
 * libpq (PQescapeIdentifier, for regclass arguments), every value a PQexecParams parameter, Citus's
 * functions schema-qualified. The session provides libpq's quoting (its encoding); nothing is executed.
 */
Result<OperationStatements> buildOperation(const PgSession& session, const engine::OperationRequest& request);

/** create_distributed_table_concurrently: the same arguments, without blocking writes (not in a transaction). */
Result<OperationStatements> buildCreateDistributedTableConcurrently(const PgSession& session,
                                                                    const engine::CreateDistributedTable& request);

/** alter_distributed_table(table, shard_count => n, cascade_to_colocated => ...). */
Result<OperationStatements> buildAlterShardCount(const PgSession& session, const std::string& schema,
                                                 const std::string& table, std::int32_t shardCount,
                                                 bool cascadeToColocated);

/** Options of citus_rebalance_start. */
struct RebalanceStart
{
    std::string strategy; ///< empty: the default strategy
    bool drainOnly = false;
    engine::TransferMode mode = engine::TransferMode::Auto;
    bool parallelTransferReferenceTables = false;
    bool parallelTransferColocatedShards = false;
};

/** citus_rebalance_start(...): returns the background job id (NULL when there is nothing to move). */
Result<OperationStatements> buildRebalanceStart(const PgSession& session, const RebalanceStart& options);
/** citus_rebalance_stop() */
Result<OperationStatements> buildRebalanceStop(const PgSession& session);
/** The latest rebalance job (citus_rebalance_status) and the per-move progress (get_rebalance_progress). */
Statement rebalanceStatusStatement();
Statement rebalanceProgressStatement();

/** 'auto', 'force_logical' or 'block_writes'. */
const char* transferModeLabel(engine::TransferMode mode);

/** The SQL with each $n replaced by its value quoted as a literal (PQescapeLiteral), ending with ';'. */
Result<std::string> renderStatement(const PgSession& session, const std::string& sql,
                                    const std::vector<std::optional<std::string>>& parameters);

/**
 * Runs an operation's statements in order and returns the last result; after a failure only the statements
 * marked always still run, and the first error is returned.
 */
Result<QueryResult> runOperation(PgSession& session, const OperationStatements& statements);

} // namespace shardscope::live
