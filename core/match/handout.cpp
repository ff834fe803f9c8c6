// The hand-out: each bucket's flow goes to its needs by the stated tie rule (best level first,
// then earliest registration, then household id, then need id); nearer offers go to earlier needs.
#include <algorithm>

#include "core/match/class_graph.h"

namespace nuanxin::matchdetail {
namespace {

/// Units of one offer reaching a node.
struct Source {
    std::uint32_t offer = 0;
    std::int64_t flow = 0;
    std::int64_t limit = 0; ///< Capped: units one need may take from it
    std::uint8_t dist = 0;  ///< distance class: nearer first
};

void nearestFirst(std::vector<Source>& s) {
    std::stable_sort(s.begin(), s.end(),
                     [](const Source& x, const Source& y) { return x.dist < y.dist; });
}

/// Free bucket: each level's units go to its needs in tie order; then the needs, best first, take
/// the nearest offers. Any split is feasible: no cap binds in a free bucket.
void handOutFree(const Bucket& bk, const std::vector<std::int64_t>& flow, std::vector<Source>& src,
                 std::vector<RawAllocation>& out) {
    nearestFirst(src);
    std::vector<std::int64_t> take(bk.needs.size(), 0);
    std::size_t i = 0;
    for (std::size_t l = bk.levelBegin; l < bk.levelEnd; ++l) {
        std::int64_t left = flow[l];
        const std::uint32_t lk = bk.needs.level(i);
        for (; i < bk.needs.size() && bk.needs.level(i) == lk; ++i) {
            take[i] = std::min(left, bk.needs.quantity(i));
            left -= take[i];
        }
    }
    std::size_t next = 0;
    for (std::size_t j = 0; j < bk.needs.size(); ++j) {
        for (std::int64_t want = take[j]; want > 0;) {
            while (src[next].flow == 0) ++next;
            const std::int64_t t = std::min(want, src[next].flow);
            out.push_back({bk.needs[j], src[next].offer, t, src[next].dist});
            want -= t;
            src[next].flow -= t;
        }
    }
}

/// Capped class: identical needs (same level, per-offer limits and quantity qEff). Each need in
/// tie order takes as much as it can while the rest stays feasible: it must take at least
/// f - r * limit from a source (r = needs after it); then f <= r * limit per source and the total
/// <= r * qEff still hold, and for identical needs these aggregate conditions are sufficient
/// (split every source evenly: a fractional solution exists, so an integral one does).
void handOutCapped(const Bucket& bk, const std::vector<std::int64_t>& flow,
                   std::vector<Source>& src, std::vector<RawAllocation>& out) {
    nearestFirst(src);
    const auto k = static_cast<std::int64_t>(bk.needs.size());
    std::int64_t served = flow[bk.levelBegin];
    std::vector<std::int64_t> take(src.size(), 0);
    for (std::int64_t i = 0; i < k && served > 0; ++i) {
        const std::int64_t r = k - i - 1;
        std::int64_t low = 0;
        std::int64_t most = 0;
        for (std::size_t j = 0; j < src.size(); ++j) {
            take[j] = std::max<std::int64_t>(0, src[j].flow - r * src[j].limit);
            low += take[j];
            most += std::min(src[j].limit, src[j].flow);
        }
        const std::int64_t y = std::min({bk.qEff, most, served});
        std::int64_t extra = y - low;
        for (std::size_t j = 0; j < src.size(); ++j) {
            const std::int64_t more =
                std::min(extra, std::min(src[j].limit, src[j].flow) - take[j]);
            take[j] += more;
            extra -= more;
            if (take[j] <= 0) continue;
            out.push_back(
                {bk.needs[static_cast<std::size_t>(i)], src[j].offer, take[j], src[j].dist});
            src[j].flow -= take[j];
        }
        served -= y;
    }
}

} // namespace

std::vector<RawAllocation> handOut(const ClassGraph& cg, const std::vector<std::int64_t>& flow) {
    const std::vector<FlowArc>& arcs = cg.arcs.arcs;
    std::vector<std::vector<Source>> toBucket(cg.buckets.size());
    std::vector<std::vector<Source>> toPool(cg.pools.size());
    const auto direct = [&](std::size_t begin, std::size_t end, std::vector<Source>& into) {
        for (std::size_t a = begin; a < end; ++a) {
            if (flow[a] > 0) {
                into.push_back({cg.carriedOffer(arcs[a]), flow[a], 0,
                                static_cast<std::uint8_t>(arcs[a].cost / cg.distanceUnit)});
            }
        }
    };
    // A passage's units are interchangeable for all it feeds: split them in arc order, nearest
    // offers first (the distance cost was paid on the way in, so the split costs nothing).
    const auto pour = [&](std::vector<Source> in, const std::vector<std::size_t>& outArcs) {
        nearestFirst(in);
        std::size_t next = 0;
        for (std::size_t a : outArcs) {
            const std::uint32_t to = arcs[a].to;
            const bool pool = to >= cg.poolBase && to < cg.areaBase;
            std::vector<Source>& into =
                pool ? toPool[to - cg.poolBase] : toBucket[to - cg.bucketBase];
            const std::int64_t limit = pool ? 0 : cg.buckets[to - cg.bucketBase].qEff;
            for (std::int64_t want = flow[a]; want > 0;) {
                while (in[next].flow == 0) ++next;
                const std::int64_t t = std::min(want, in[next].flow);
                into.push_back({in[next].offer, t, limit, in[next].dist});
                in[next].flow -= t;
                want -= t;
            }
        }
    };
    for (const Passage& area : cg.areas) {
        std::vector<Source> in;
        direct(area.inBegin, area.inEnd, in);
        pour(std::move(in), area.outArcs);
    }
    for (std::size_t q = 0; q < cg.pools.size(); ++q) {
        std::vector<Source> in = std::move(toPool[q]);
        direct(cg.pools[q].inBegin, cg.pools[q].inEnd, in);
        pour(std::move(in), cg.pools[q].outArcs);
    }
    std::vector<RawAllocation> out;
    for (std::size_t b = 0; b < cg.buckets.size(); ++b) {
        const Bucket& bk = cg.buckets[b];
        std::vector<Source>& src = toBucket[b];
        const std::size_t before = src.size();
        direct(bk.inBegin, bk.inEnd, src);
        switch (bk.type) {
        case BucketType::Single:
            for (const Source& s : src) out.push_back({bk.needs[0], s.offer, s.flow, s.dist});
            break;
        case BucketType::Free:
            handOutFree(bk, flow, src, out);
            break;
        case BucketType::Capped:
            // Units from the pool may go up to qEff per need (set by pour); a binding offer's
            // limit is its arc's capacity per need.
            for (std::size_t a = bk.inBegin, j = before; a < bk.inEnd; ++a) {
                if (flow[a] > 0)
                    src[j++].limit = arcs[a].cap / static_cast<std::int64_t>(bk.needs.size());
            }
            handOutCapped(bk, flow, src, out);
            break;
        }
    }
    return out;
}

} // namespace nuanxin::matchdetail
