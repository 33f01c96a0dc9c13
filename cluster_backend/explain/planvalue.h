// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::explain {

/**
 * A JSON value of a plan property that ShardScope does not model field by field (Output, Filter, Settings,
 * JIT, ...). Kept so that a plan serializes back without losing anything.
 */
struct PlanValue
{
    enum class Kind : std::uint8_t
    {
        Null,
        Bool,
        Integer,
        Number,
        String,
        Array,
        Object,
    };

    Kind kind = Kind::Null;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    std::string text;              ///< String
    std::vector<std::string> keys; ///< Object: member names, parallel to items
    std::vector<PlanValue> items;  ///< Array elements or Object member values

    static PlanValue makeString(std::string value);
    static PlanValue makeInteger(std::int64_t value);
    static PlanValue makeNumber(double value);
    static PlanValue makeBool(bool value);

    /** The member called key of an Object, or nullptr. */
    const PlanValue* member(std::string_view key) const;
    /** A short one-line rendering for tables and the text format (strings unquoted, arrays comma-joined). */
    std::string display() const;

    bool operator==(const PlanValue&) const = default;
};

/** One named property of a plan node, task or statement, in the order the plan gave it. */
struct PlanProperty
{
    std::string key;
    PlanValue value;

    bool operator==(const PlanProperty&) const = default;
};

using PlanProperties = std::vector<PlanProperty>;

/** The property called key, or nullptr. */
const PlanValue* findProperty(const PlanProperties& properties, std::string_view key);

} // namespace shardscope::explain
