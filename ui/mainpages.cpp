// SPDX-License-Identifier: MIT
#include "mainpages.h"

#include "explain/explainpage.h"
#include "placeholderpage.h"
#include "placement/placementpage.h"
#include "skew/skewpage.h"

namespace shardscope {

namespace {

PageFactory placeholder(const QString& id, const QString& title, const QString& text)
{
    return {id, title,
            [title, text](const PageContext&, QWidget* parent) { return new PlaceholderPage(title, text, parent); }};
}

} // namespace

// To add a page: replace its placeholder line with {id, title, factory} creating your page widget, e.g.
//     {QStringLiteral("skew"), tr("Skew"), [](const PageContext& c, QWidget* p) { return new SkewPage(c, p); }},
QList<PageFactory> MainPages::all()
{
    return {
        {QStringLiteral("placement"), tr("Placement"),
         [](const PageContext& c, QWidget* p) { return new PlacementPage(c, p); }},
        {QStringLiteral("skew"), tr("Skew"), [](const PageContext& c, QWidget* p) { return new SkewPage(c, p); }},
        placeholder(QStringLiteral("queries"), tr("Queries"),
                    tr("Statement statistics will be here: which queries run most often, how long they take, and "
                       "how many shards each one touches (router, multi-shard or repartition).")),
        {QStringLiteral("explain"), tr("EXPLAIN"), [](const PageContext&, QWidget* p) { return new ExplainPage(p); }},
    };
}

} // namespace shardscope
