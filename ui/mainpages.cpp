// SPDX-License-Identifier: MIT
#include "mainpages.h"

#include "explain/explainpage.h"
#include "placeholderpage.h"
#include "placement/placementpage.h"
#include "queries/queriespage.h"
#include "skew/skewpage.h"

namespace shardscope {

namespace {

[[maybe_unused]] PageFactory placeholder(const QString& id, const QString& title, const QString& text)
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
