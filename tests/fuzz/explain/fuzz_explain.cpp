// SPDX-License-Identifier: MIT
// libFuzzer target: every input gives a plan or an Error; a plan writes and reads back the same.
#include "explain/plananalysis.h"
#include "explain/planjsonreader.h"
#include "explain/planjsonwriter.h"
#include "explain/planreader.h"
#include "explain/plansummary.h"
#include "explain/plantextreader.h"
#include "explain/plantextwriter.h"

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

void check(const Result<ExplainPlan>& plan)
{
    if (!plan.ok()) {
        if (plan.error().message.empty())
            std::abort(); // every Error says what is wrong
        return;
    }
    const std::string json = writePlanJson(*plan);
    const Result<ExplainPlan> again = parsePlanJson(json);
    if (!again.ok() || !again->samePlan(*plan))
        std::abort(); // the writer and the reader disagree
    (void)writePlanText(*plan);
    const PlanAnalysis analysis = analyzePlan(std::make_shared<const ExplainPlan>(*plan));
    (void)summarizePlan(analysis);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check(parsePlan(input));
    // Each parser also sees the raw bytes, whatever the content looks like.
    if (!input.empty() && (input.front() == '[' || input.front() == '{'))
        check(parsePlanText(input));
    else
        check(parsePlanJson(input));
    return 0;
}
