// SPDX-License-Identifier: MIT
// 200 nodes x 5,000 shard groups = 1,000,000 cells at 1920x1080. Targets: repaint under 8 ms.
#include "heatmap/heatmapmatrixbuilder.h"
#include "heatmap/heatmaprenderer.h"
#include "heatmap/heatmapview.h"
#include "syntheticcluster.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>

using namespace shardscope;

namespace {

constexpr int kNodes = 200;
constexpr int kGroups = 5000;

// Every group on 40 nodes, so a fifth of the million cells hold data and the scale has real work.
const engine::ClusterState& cluster()
{
    static const engine::ClusterState state = test::makeSyntheticCluster(kNodes, kGroups, 1, 40);
    return state;
}

std::shared_ptr<const HeatmapMatrix> matrix()
{
    static const auto m = std::make_shared<const HeatmapMatrix>(HeatmapMatrixBuilder::build(cluster(), 1));
    return m;
}

void BM_HeatmapMatrixBuild(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(HeatmapMatrixBuilder::build(cluster(), 1));
    state.counters["cells"] = double(matrix()->rowCount()) * matrix()->columnCount();
}
BENCHMARK(BM_HeatmapMatrixBuild)->Unit(benchmark::kMillisecond);

// The cache rebuild: aggregate into buckets, colour, scale to the plot (what a zoom or new snapshot costs).
void BM_HeatmapImageRebuild(benchmark::State& state)
{
    const HeatmapLayout layout(QSize(1920, 1080), matrix()->rowCount(), matrix()->columnCount());
    const HeatmapRenderOptions options{HeatmapMetric::Bytes, HeatmapScaleMode(state.range(0)), HeatmapAggregation::Sum};
    for (auto _ : state) {
        HeatmapRendering r = HeatmapRenderer::render(*matrix(), layout, options);
        const QRectF target = layout.bucketsRect();
        QImage cache(layout.columnsClip().toAlignedRect().size(), QImage::Format_RGB32);
        QPainter p(&cache);
        p.fillRect(cache.rect(), QBrush(Qt::gray, Qt::BDiagPattern));
        p.drawImage(target.topLeft() - layout.columnsClip().topLeft(),
                    r.image.scaled(qRound(target.width()), qRound(target.height()), Qt::IgnoreAspectRatio,
                                   Qt::FastTransformation));
        p.end();
        benchmark::DoNotOptimize(cache.constBits());
    }
    state.counters["buckets"] = layout.bucketCount();
}
BENCHMARK(BM_HeatmapImageRebuild)
    ->Arg(int(HeatmapScaleMode::Linear))
    ->Arg(int(HeatmapScaleMode::Log))
    ->Unit(benchmark::kMillisecond);

// A repaint of the whole widget (cached image, margins, labels, totals, legend, overlays).
void BM_HeatmapWidgetRepaint(benchmark::State& state)
{
    HeatmapView view;
    view.resize(1920, 1080);
    view.setMatrix(matrix());
    QImage target(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    view.render(&target); // builds the cache once
    for (auto _ : state) {
        QPainter p(&target);
        view.render(&p);
        p.end();
        benchmark::DoNotOptimize(target.constBits());
    }
}
BENCHMARK(BM_HeatmapWidgetRepaint)->Unit(benchmark::kMillisecond);

// Only the blit of the cached image, the part that scales with the cell count.
void BM_HeatmapCacheBlit(benchmark::State& state)
{
    const HeatmapLayout layout(QSize(1920, 1080), matrix()->rowCount(), matrix()->columnCount());
    const QRect clip = layout.columnsClip().toAlignedRect();
    QImage cache(clip.size(), QImage::Format_RGB32); // what HeatmapView composites on a rebuild
    cache.fill(Qt::gray);
    QImage target(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter p(&target);
        p.drawImage(clip.topLeft(), cache);
        p.end();
        benchmark::DoNotOptimize(target.constBits());
    }
}
BENCHMARK(BM_HeatmapCacheBlit)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
