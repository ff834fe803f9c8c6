// The min-cost flow of a matching run: the class graph (engine) or one node per need (reference),
// solved by LEMON's NetworkSimplex (flow.cpp); the hand-out is in handout.cpp.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/match/class_graph.h"
#include "core/match/cost_scale.h"

namespace nuanxin::matchdetail {
namespace {

/// Per group offer, what one need may take from it: its quantity, or less when a cap binds.
bool capProfile(const Problem& p, const PNeed& n, std::vector<std::int64_t>& m) {
    const std::vector<Cand>& g = p.groups[n.group];
    m.resize(g.size());
    bool binding = false;
    for (std::size_t k = 0; k < g.size(); ++k) {
        m[k] = std::min(n.quantity, p.capLeft(n, g[k].offer));
        binding = binding || m[k] < n.quantity;
    }
    return binding;
}

void appendBytes(std::string& key, const void* data, std::size_t size) {
    key.append(static_cast<const char*>(data), size);
}

/// Buckets in data order of their first need (deterministic), needs sorted by (level, tie order).
std::vector<Bucket> makeBuckets(const Problem& p, bool reference,
                                const std::vector<char>& groupCapped) {
    std::vector<Bucket> buckets;
    std::vector<std::uint32_t> freeOf(p.groups.size(), kNone);
    std::unordered_map<std::string, std::uint32_t> cappedOf;
    std::vector<std::int64_t> m;
    std::string key;
    for (std::uint32_t i = 0; i < p.needs.size(); ++i) {
        const PNeed& n = p.needs[i];
        if (n.group == kNone) continue;
        // A household with several needs of one kind shares a capped offer's cap: own bucket.
        const bool single = reference || (n.multi && groupCapped[n.group]);
        if (!single && (!groupCapped[n.group] || !capProfile(p, n, m))) {
            if (freeOf[n.group] == kNone) {
                freeOf[n.group] = static_cast<std::uint32_t>(buckets.size());
                buckets.push_back({BucketType::Free, n.group, {}, {}, 0});
            }
            buckets[freeOf[n.group]].needs.push_back(i);
            continue;
        }
        if (single) {
            buckets.push_back({BucketType::Single, n.group, {i}, {}, 0});
            continue;
        }
        // Effective quantity: with a non-binding offer in the group, the quantity itself.
        std::int64_t sum = 0;
        bool open = false;
        for (const std::int64_t limit : m) {
            open = open || limit == n.quantity;
            sum += limit;
        }
        const std::int64_t qEff = open ? n.quantity : std::min(n.quantity, sum);
        const std::uint32_t level = levelKey(n);
        key.clear();
        appendBytes(key, &n.group, sizeof n.group);
        appendBytes(key, &level, sizeof level);
        appendBytes(key, &qEff, sizeof qEff);
        appendBytes(key, m.data(), m.size() * sizeof(std::int64_t));
        const auto [it, added] = cappedOf.emplace(key, static_cast<std::uint32_t>(buckets.size()));
        if (added) buckets.push_back({BucketType::Capped, n.group, {}, m, qEff});
        buckets[it->second].needs.push_back(i);
    }
    for (Bucket& bk : buckets) {
        std::sort(bk.needs.begin(), bk.needs.end(), [&p](std::uint32_t x, std::uint32_t y) {
            const std::uint32_t lx = levelKey(p.needs[x]);
            const std::uint32_t ly = levelKey(p.needs[y]);
            return lx != ly ? lx < ly : p.needs[x].order < p.needs[y].order;
        });
    }
    return buckets;
}

/// Cores: per candidate list, uncapped offers that most of its groups share. Groups are taken by
/// size (needs), largest first; a group joins if keeping only the offers it shares leaves at least
/// 80% of the core. Groups that did not join, or lack some core offer, keep their direct arcs.
void makeCores(const Problem& p, const std::vector<std::size_t>& groupNeeds, ClassGraph& cg,
               std::vector<std::uint32_t>& coreOfGroup) {
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> byList;
    std::vector<std::uint32_t> lists; // first-seen order: deterministic
    for (std::uint32_t g = 0; g < p.groups.size(); ++g) {
        auto [it, added] = byList.try_emplace(p.groupList[g]);
        if (added) lists.push_back(p.groupList[g]);
        it->second.push_back(g);
    }
    const auto byOffer = [](const Cand& x, const Cand& y) { return x.offer < y.offer; };
    std::vector<Cand> uncapped;
    std::vector<Cand> both;
    for (std::uint32_t list : lists) {
        std::vector<std::uint32_t>& groups = byList[list];
        if (groups.size() < 2) continue;
        std::stable_sort(groups.begin(), groups.end(), [&](std::uint32_t x, std::uint32_t y) {
            return groupNeeds[x] > groupNeeds[y];
        });
        std::vector<Cand> core;
        std::size_t members = 0;
        for (std::uint32_t g : groups) {
            uncapped.clear();
            for (const Cand& c : p.groups[g]) {
                if (p.offers[c.offer].cap <= 0) uncapped.push_back(c);
            }
            if (members == 0) {
                core = uncapped;
                members = 1;
                continue;
            }
            both.clear();
            std::set_intersection(core.begin(), core.end(), uncapped.begin(), uncapped.end(),
                                  std::back_inserter(both), byOffer);
            if (both.size() * 5 >= core.size() * 4) {
                core = both;
                ++members;
            }
        }
        if (members < 2 || core.size() < 2) continue;
        const auto index = static_cast<std::uint32_t>(cg.cores.size());
        for (std::uint32_t g : groups) {
            if (std::includes(p.groups[g].begin(), p.groups[g].end(), core.begin(), core.end(),
                              byOffer)) {
                coreOfGroup[g] = index;
            }
        }
        cg.cores.emplace_back();
        cg.cores.back().offers = std::move(core);
    }
}

} // namespace

ClassGraph buildGraph(const Problem& p, bool reference) {
    ClassGraph cg;
    std::vector<char> groupCapped(p.groups.size(), 0);
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
        for (const Cand& c : p.groups[g]) {
            if (p.offers[c.offer].cap > 0) groupCapped[g] = 1;
        }
    }
    cg.buckets = makeBuckets(p, reference, groupCapped);
    std::vector<Bucket>& buckets = cg.buckets;
    std::unordered_map<std::uint64_t, std::uint32_t> hubOf;
    for (const Bucket& b : buckets) {
        if (b.type != BucketType::Single || !p.needs[b.needs[0]].multi) continue;
        const PNeed& n = p.needs[b.needs[0]];
        const std::vector<Cand>& g = p.groups[n.group];
        for (std::uint32_t k = 0; k < g.size(); ++k) {
            if (p.offers[g[k].offer].cap <= 0) continue;
            const std::uint64_t hk = (std::uint64_t{n.household} << 32) | g[k].offer;
            if (hubOf.emplace(hk, static_cast<std::uint32_t>(cg.hubs.size())).second) {
                cg.hubs.emplace_back(b.needs[0], k);
            }
        }
    }
    std::unordered_map<std::string, std::uint32_t> poolOf;
    std::string key;
    for (std::uint32_t b = 0; b < buckets.size(); ++b) {
        Bucket& bk = buckets[b];
        if (bk.type != BucketType::Capped) continue;
        key.clear();
        appendBytes(key, &bk.group, sizeof bk.group);
        std::vector<std::uint32_t> slots;
        for (std::uint32_t k = 0; k < bk.m.size(); ++k) {
            if (bk.m[k] < bk.qEff) continue;
            slots.push_back(k);
            appendBytes(key, &k, sizeof k);
        }
        if (slots.empty()) continue;
        const auto [it, added] = poolOf.emplace(key, static_cast<std::uint32_t>(cg.pools.size()));
        if (added) {
            cg.pools.emplace_back();
            cg.pools.back().group = bk.group;
            cg.pools.back().slots = std::move(slots);
        }
        cg.pools[it->second].targets.push_back(b);
        bk.pool = it->second;
    }
    std::vector<std::uint32_t> coreOfGroup(p.groups.size(), kNone);
    if (!reference) {
        std::vector<std::size_t> groupNeeds(p.groups.size(), 0);
        for (const PNeed& n : p.needs) {
            if (n.group != kNone) ++groupNeeds[n.group];
        }
        makeCores(p, groupNeeds, cg, coreOfGroup);
    }

    const std::uint32_t offerBase = 2;
    cg.bucketBase = static_cast<std::uint32_t>(offerBase + p.offers.size());
    const auto hubBase = static_cast<std::uint32_t>(cg.bucketBase + buckets.size());
    cg.poolBase = static_cast<std::uint32_t>(hubBase + cg.hubs.size());
    cg.coreBase = static_cast<std::uint32_t>(cg.poolBase + cg.pools.size());
    const std::int64_t nodes =
        std::int64_t{cg.coreBase} + static_cast<std::int64_t>(cg.cores.size());
    const CostScale scale = costScale(nodes, p.tierCount);
    if (!scale.fits) return cg;

    // Arcs: s -> offer, s -> t (not served), offer -> hub, passages, bucket in-arcs, levels.
    std::vector<ArcSpec>& arcs = cg.arcs;
    std::int64_t supply = 0;
    for (std::uint32_t k = 0; k < p.offers.size(); ++k) {
        arcs.emplace_back(0, offerBase + k, p.offers[k].remaining, 0, kNone);
        supply += p.offers[k].remaining;
    }
    arcs.emplace_back(0, 1, supply, 0, kNone);
    for (std::uint32_t h = 0; h < cg.hubs.size(); ++h) {
        const PNeed& n = p.needs[cg.hubs[h].first];
        const Cand& c = p.groups[n.group][cg.hubs[h].second];
        arcs.emplace_back(offerBase + c.offer, hubBase + h, p.capLeft(n, c.offer),
                          distanceCost(scale, c.dist), kNone);
    }
    for (std::uint32_t c = 0; c < cg.cores.size(); ++c) {
        Passage& core = cg.cores[c];
        core.inBegin = arcs.size();
        for (const Cand& o : core.offers) {
            arcs.emplace_back(offerBase + o.offer, cg.coreBase + c, supply,
                              distanceCost(scale, o.dist), o.offer);
        }
        core.inEnd = arcs.size();
    }
    // Offer slots of a group that its core already brings.
    std::vector<char> inCore;
    const auto markCore = [&](std::uint32_t g) {
        const std::vector<Cand>& list = p.groups[g];
        inCore.assign(list.size(), 0);
        if (coreOfGroup[g] == kNone) return;
        const std::vector<Cand>& shared = cg.cores[coreOfGroup[g]].offers;
        for (std::size_t k = 0, j = 0; k < list.size() && j < shared.size(); ++k) {
            while (j < shared.size() && shared[j].offer < list[k].offer) ++j;
            if (j < shared.size() && shared[j].offer == list[k].offer) inCore[k] = 1;
        }
    };
    const auto coreArc = [&](std::uint32_t g, std::uint32_t to, std::int64_t cap) {
        if (coreOfGroup[g] == kNone) return;
        cg.cores[coreOfGroup[g]].outArcs.push_back(arcs.size());
        arcs.emplace_back(cg.coreBase + coreOfGroup[g], to, cap, 0, kNone);
    };
    for (std::uint32_t q = 0; q < cg.pools.size(); ++q) {
        Passage& pool = cg.pools[q];
        std::int64_t cap = 0;
        for (std::uint32_t b : pool.targets) {
            cap += static_cast<std::int64_t>(buckets[b].needs.size()) * buckets[b].qEff;
        }
        markCore(pool.group);
        pool.inBegin = arcs.size();
        for (std::uint32_t k : pool.slots) {
            const Cand& c = p.groups[pool.group][k];
            if (inCore[k]) continue;
            arcs.emplace_back(offerBase + c.offer, cg.poolBase + q, cap,
                              distanceCost(scale, c.dist), c.offer);
        }
        pool.inEnd = arcs.size();
        coreArc(pool.group, cg.poolBase + q, cap);
    }
    for (std::uint32_t b = 0; b < buckets.size(); ++b) {
        Bucket& bk = buckets[b];
        const std::vector<Cand>& g = p.groups[bk.group];
        const std::uint32_t node = cg.bucketBase + b;
        const auto k = static_cast<std::int64_t>(bk.needs.size());
        std::int64_t total = 0;
        for (std::uint32_t i : bk.needs) total += p.needs[i].quantity;
        markCore(bk.group);
        bk.inBegin = arcs.size();
        for (std::uint32_t s = 0; s < g.size(); ++s) {
            const std::uint32_t o = g[s].offer;
            const std::int64_t cost = distanceCost(scale, g[s].dist);
            if (bk.type == BucketType::Free) {
                if (!inCore[s]) arcs.emplace_back(offerBase + o, node, total, cost, o);
            } else if (bk.type == BucketType::Capped) {
                // Only binding offers come directly; the others through the pool.
                if (bk.m[s] > 0 && bk.m[s] < bk.qEff)
                    arcs.emplace_back(offerBase + o, node, k * bk.m[s], cost, o);
            } else {
                const PNeed& n = p.needs[bk.needs[0]];
                if (n.multi && p.offers[o].cap > 0) {
                    const std::uint32_t h = hubOf.at((std::uint64_t{n.household} << 32) | o);
                    arcs.emplace_back(hubBase + h, node, n.quantity, 0, o);
                } else if (!inCore[s]) {
                    const std::int64_t cap = std::min(n.quantity, p.capLeft(n, o));
                    if (cap > 0) arcs.emplace_back(offerBase + o, node, cap, cost, o);
                }
            }
        }
        bk.inEnd = arcs.size();
        if (bk.type == BucketType::Capped && bk.pool != kNone) {
            cg.pools[bk.pool].outArcs.push_back(arcs.size());
            arcs.emplace_back(cg.poolBase + bk.pool, node, k * bk.qEff, 0, kNone);
        } else if (bk.type != BucketType::Capped) {
            coreArc(bk.group, node, total);
        }
        bk.levelBegin = arcs.size();
        for (std::size_t i = 0; i < bk.needs.size();) {
            const PNeed& first = p.needs[bk.needs[i]];
            const std::uint32_t lk = levelKey(first);
            std::int64_t cap = 0;
            std::size_t j = i;
            for (; j < bk.needs.size() && levelKey(p.needs[bk.needs[j]]) == lk; ++j) {
                cap += p.needs[bk.needs[j]].quantity;
            }
            if (bk.type == BucketType::Capped) cap = k * bk.qEff;
            arcs.emplace_back(node, 1, cap, levelCost(scale, first.tier, first.score, first.rank),
                              kNone);
            ++cg.levels;
            i = j;
        }
        bk.levelEnd = arcs.size();
    }
    cg.supply.assign(static_cast<std::size_t>(nodes), 0);
    cg.supply[0] = supply;
    cg.supply[1] = -supply;
    return cg;
}

Result<std::vector<RawAllocation>> solveFlow(const Problem& p, bool reference, MatchStats& stats) {
    const std::int64_t t0 = nowNs();
    const ClassGraph cg = buildGraph(p, reference);
    const std::int64_t nodes =
        std::int64_t{cg.coreBase} + static_cast<std::int64_t>(cg.cores.size());
    if (cg.supply.empty())
        return FieldError{"nodes", std::to_string(nodes), Str::MatchTooLarge, {}};
    stats.groups = p.groups.size();
    stats.classes = cg.buckets.size();
    stats.levels = cg.levels;
    stats.hubs = cg.hubs.size();
    stats.pools = cg.pools.size() + cg.cores.size();
    stats.nodes = static_cast<std::size_t>(nodes);
    stats.arcs = cg.arcs.size();
    stats.buildMs = msSince(t0);

    const std::int64_t t1 = nowNs();
    std::vector<std::int64_t> flow;
    const bool optimal =
        minCostFlow(cg.supply, std::vector<FlowArc>(cg.arcs.begin(), cg.arcs.end()), flow);
    stats.solveMs = msSince(t1);
    if (!optimal) return FieldError{"flow", std::to_string(nodes), Str::MatchInfeasible, {}};

    const std::int64_t t2 = nowNs();
    std::vector<RawAllocation> out = handOut(p, cg, flow);
    stats.handoutMs = msSince(t2);
    return out;
}

} // namespace nuanxin::matchdetail
