// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace shardscope {

/**
 * The one way work leaves the GUI thread: runs work() on pool and hands its result to then(result) in
 * context's thread, queued. If context is destroyed first, then() is not called. work() must not throw and
 * must return a default-constructible value; tag it with a generation number if a newer request can
 * overtake it.
 */
template <class Work, class Then>
void runAsync(QThreadPool* pool, QObject* context, Work&& work, Then&& then)
{
    QtConcurrent::run(pool, std::forward<Work>(work)).then(context, std::forward<Then>(then));
}

} // namespace shardscope
