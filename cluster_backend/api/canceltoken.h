// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <memory>

namespace shardscope {

/**
 * A cancel flag shared between whoever started a job and the code running it. Copies share the flag;
 * checking it is cheap enough for inner loops.
 */
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCanceled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace shardscope
