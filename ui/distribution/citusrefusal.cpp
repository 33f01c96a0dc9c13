// SPDX-License-Identifier: MIT
#include "citusrefusal.h"

#include <QCoreApplication>

namespace shardscope {

namespace {

struct Known
{
    const char* fragment; ///< part of Citus's or PostgreSQL's message, lower case
    const char* meaning;
};

// The refusals of reference §10 (distribution and colocation) and the outcomes of a cancelled statement.
constexpr Known kKnown[] = {
    {"cannot create constraint",
     QT_TRANSLATE_NOOP("CitusRefusal", "A primary key, unique or exclusion constraint of the table does not include "
                                       "the distribution column: Citus can only enforce it inside one shard. Choose "
                                       "a column that every such key contains, or change the key first.")},
    {"must be a distributed table or a reference table",
     QT_TRANSLATE_NOOP("CitusRefusal", "The table has a foreign key to a table that is still local. Distribute that "
                                       "table (or make it a reference table) first.")},
    {"cannot create foreign key constraint",
     QT_TRANSLATE_NOOP("CitusRefusal", "A foreign key joins this table to a distributed table it would not be "
                                       "colocated with on the key's column. Distribute on the foreign key's column "
                                       "and colocate with that table, or point the key at a reference table.")},
    {"is already distributed",
     QT_TRANSLATE_NOOP("CitusRefusal", "The table is already distributed (perhaps from another session); the "
                                       "refreshed cluster shows how.")},
    {"could not identify a hash function",
     QT_TRANSLATE_NOOP("CitusRefusal", "The column's type has no hash function, so its values cannot be spread "
                                       "over shards. Choose a column of another type.")},
    {"outside the valid range for parameter \"shard_count\"",
     QT_TRANSLATE_NOOP("CitusRefusal", "The shard count must be between 1 and 64000.")},
    {"cannot use colocate_with with a table and shard_count",
     QT_TRANSLATE_NOOP("CitusRefusal", "A table colocated with another takes that table's shard count: leave the "
                                       "shard count at its default.")},
    {"cannot colocate tables",
     QT_TRANSLATE_NOOP("CitusRefusal", "The two tables cannot share shards: their distribution column types or "
                                       "shard counts differ. Colocate with a table of the same column type, or "
                                       "choose none.")},
    {"exceeds number of worker nodes",
     QT_TRANSLATE_NOOP("CitusRefusal", "There are fewer nodes taking shards than copies asked for.")},
    {"canceling statement due to user request",
     QT_TRANSLATE_NOOP("CitusRefusal", "The statement was cancelled; the server rolled it back and nothing "
                                       "changed.")},
    {"contains data", QT_TRANSLATE_NOOP("CitusRefusal", "This kind of distribution needs an empty table.")},
};

} // namespace

QString explainCitusRefusal(const Error& error)
{
    const QString message = QString::fromStdString(error.message).toLower();
    for (const Known& known : kKnown) {
        if (message.contains(QLatin1String(known.fragment)))
            return QCoreApplication::translate("CitusRefusal", known.meaning);
    }
    if (error.code == "57014") // query_canceled, e.g. a statement timeout
        return QCoreApplication::translate("CitusRefusal", "The statement was cancelled; nothing changed.");
    return {};
}

} // namespace shardscope
