// SPDX-License-Identifier: MIT
#pragma once

#include "engine/columntype.h"

#include <QRandomGenerator>
#include <string>
#include <vector>

namespace shardscope::test {

/**
 * Random text input for each distribution column type, in the spellings PostgreSQL accepts (signs,
 * blanks, case, braces, exponents, zones...), always valid so that a whole batch can go to the server.
 */
class ValueGenerator
{
public:
    explicit ValueGenerator(quint32 seed) : m_random(seed) {}

    std::string next(engine::ColumnType type);
    /** Hand-picked extremes and odd spellings of valid values. */
    static std::vector<std::string> edgeCases(engine::ColumnType type);

private:
    int range(int low, int high) { return m_random.bounded(low, high + 1); } // inclusive
    bool chance(int percent) { return range(1, 100) <= percent; }
    std::string blanks();
    std::string digits(int count, bool leadingNonZero);
    std::string integer(engine::ColumnType type);
    std::string utf8String(int maxLength);
    std::string uuid();
    std::string date(int minYear, int maxYear);
    std::string time();
    std::string zone();
    std::string numeric();

    QRandomGenerator m_random;
};

} // namespace shardscope::test
