// SPDX-License-Identifier: MIT
#include "mainpages.h"

#include "explain/explainpage.h"
#include "placement/placementpage.h"
#include "queries/queriespage.h"
#include "skew/skewpage.h"

namespace shardscope {

// To add a page: add a line {id, title, factory} creating your page widget; the main window makes a tab of it.
QList<PageFactory> MainPages::all()
{
    return {
        {QStringLiteral("placement"), tr("Placement"),
         [](const PageContext& c, QWidget* p) { return new PlacementPage(c, p); }},
        {QStringLiteral("skew"), tr("Skew"), [](const PageContext& c, QWidget* p) { return new SkewPage(c, p); }},
        {QStringLiteral("queries"), tr("Queries"),
         [](const PageContext& c, QWidget* p) { return new QueriesPage(c, p); }},
        {QStringLiteral("explain"), tr("EXPLAIN"),
         [](const PageContext& c, QWidget* p) {
             auto* page = new ExplainPage(p);
             page->setClusterSource(c.source);
             return page;
         }},
    };
}

} // namespace shardscope
