// SPDX-License-Identifier: MIT
#include "explain/planvalue.h"

#include "explain/numberformat.h"

namespace shardscope::explain {

PlanValue PlanValue::makeString(std::string value)
{
    PlanValue v;
    v.kind = Kind::String;
    v.text = std::move(value);
    return v;
}

PlanValue PlanValue::makeInteger(std::int64_t value)
{
    PlanValue v;
    v.kind = Kind::Integer;
    v.integer = value;
    return v;
}

PlanValue PlanValue::makeNumber(double value)
{
    PlanValue v;
    v.kind = Kind::Number;
    v.number = value;
    return v;
}

PlanValue PlanValue::makeBool(bool value)
{
    PlanValue v;
    v.kind = Kind::Bool;
    v.boolean = value;
    return v;
}

const PlanValue* PlanValue::member(std::string_view key) const
{
    if (kind != Kind::Object)
        return nullptr;
    for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i) {
        if (keys[i] == key)
            return &items[i];
    }
    return nullptr;
}

std::string PlanValue::display() const
{
    switch (kind) {
    case Kind::Null:
        return {};
    case Kind::Bool:
        return boolean ? "true" : "false";
    case Kind::Integer:
        return std::to_string(integer);
    case Kind::Number:
        return formatNumber(number);
    case Kind::String:
        return text;
    case Kind::Array: {
        std::string out;
        for (const PlanValue& item : items) {
            if (!out.empty())
                out += ", ";
            out += item.display();
        }
        return out;
    }
    case Kind::Object: {
        std::string out;
        for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i) {
            if (!out.empty())
                out += ", ";
            out += keys[i] + ": " + items[i].display();
        }
        return out;
    }
    }
    return {};
}

const PlanValue* findProperty(const PlanProperties& properties, std::string_view key)
{
    for (const PlanProperty& property : properties) {
        if (property.key == key)
            return &property.value;
    }
    return nullptr;
}

} // namespace shardscope::explain
