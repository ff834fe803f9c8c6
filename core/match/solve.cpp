// The flow graph of a matching run: the class graph (engine) or one node per need (reference).
// core/match/job.cpp solves it (flow.cpp, flow_split.cpp) and hands the flow out (handout.cpp).
#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/match/class_graph.h"
#include "core/match/cost_scale.h"
#include "core/match/eligibility.h"

namespace nuanxin::matchdetail {
namespace {

void appendBytes(std::string& key, const void* data, std::size_t size) {
    key.append(static_cast<const char*>(data), size);
}

/// The cap profiles of a run's needs (ClassGraph::profiles). A need's limits are
/// min(quantity, cap left) per offer of its group; without locked units in its household that
/// is min(quantity, cap), so it depends on (group, quantity) alone and no cap binds at all when
/// the quantity is within the group's smallest cap: one look-up per need instead of one per
/// (need, offer). Needs of households holding locked units of a capped offer are worked out one
/// by one. Profiles with the same limits are one profile, whichever way they were found.
class CapProfiles {
public:
    CapProfiles(const Problem& p, std::vector<CapProfile>& table)
        : m_p(p), m_table(table), m_minCap(p.groups.size(), kNoCap),
          m_lockedHousehold(p.data->households.size(), 0) {
        for (std::size_t g = 0; g < p.groups.size(); ++g) {
            for (const Cand& c : p.groups[g]) {
                const std::int64_t cap = p.offers[c.offer].cap;
                if (cap > 0) m_minCap[g] = std::min(m_minCap[g], cap);
            }
        }
        for (const auto& [key, units] : p.lockedHousehold) {
            if (units > 0 && p.offers[static_cast<std::uint32_t>(key)].cap > 0)
                m_lockedHousehold[key >> 32] = 1;
        }
    }

    /// @brief Whether any offer of the group has a per-household cap.
    [[nodiscard]] bool capped(std::uint32_t group) const { return m_minCap[group] != kNoCap; }

    /// @brief The profile of need n, kNone when no cap binds for it.
    std::uint32_t of(const PNeed& n) {
        const bool plain = m_lockedHousehold[n.household] == 0;
        if (plain && n.quantity <= m_minCap[n.group]) return kNone;
        const bool cacheable = plain && n.quantity <= std::int64_t{UINT32_MAX};
        const std::uint64_t key =
            (std::uint64_t{n.group} << 32) | static_cast<std::uint64_t>(n.quantity);
        if (cacheable) {
            const auto it = m_byGroupQuantity.find(key);
            if (it != m_byGroupQuantity.end()) return it->second;
        }
        const std::vector<Cand>& g = m_p.groups[n.group];
        m_m.resize(g.size());
        bool binding = false;
        bool open = false; // an offer the need may take all of its quantity from
        std::int64_t sum = 0;
        for (std::size_t k = 0; k < g.size(); ++k) {
            m_m[k] = std::min(n.quantity, m_p.capLeft(n, g[k].offer));
            binding = binding || m_m[k] < n.quantity;
            open = open || m_m[k] == n.quantity;
            sum += m_m[k];
        }
        std::uint32_t found = kNone;
        if (binding) found = intern(n.group, open ? n.quantity : std::min(n.quantity, sum));
        if (cacheable) m_byGroupQuantity.emplace(key, found);
        return found;
    }

private:
    /// The profile with these limits (m_m), added when new. Found by a hash, confirmed by
    /// comparing (a collision only means looking at one more profile).
    std::uint32_t intern(std::uint32_t group, std::int64_t qEff) {
        std::uint64_t h =
            (std::uint64_t{group} * 0x9E3779B97F4A7C15ULL) ^ static_cast<std::uint64_t>(qEff);
        for (const std::int64_t limit : m_m)
            h = (h ^ static_cast<std::uint64_t>(limit)) * 1099511628211ULL;
        for (auto [it, end] = m_byContent.equal_range(h); it != end; ++it) {
            const CapProfile& c = m_table[it->second];
            if (c.group == group && c.qEff == qEff && c.m == m_m) return it->second;
        }
        const auto id = static_cast<std::uint32_t>(m_table.size());
        m_byContent.emplace(h, id);
        CapProfile& c = m_table.emplace_back();
        c.group = group;
        c.qEff = qEff;
        c.m = m_m;
        for (std::uint32_t k = 0; k < m_m.size(); ++k) {
            if (m_m[k] > 0 && m_m[k] < qEff) c.binding.push_back(k);
        }
        return id;
    }

    const Problem& m_p;
    std::vector<CapProfile>& m_table;
    std::vector<std::int64_t> m_minCap;  ///< per group: its smallest cap, kNoCap when none
    std::vector<char> m_lockedHousehold; ///< per household: holds locked units of a capped offer
    std::unordered_map<std::uint64_t, std::uint32_t> m_byGroupQuantity;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_byContent;
    std::vector<std::int64_t> m_m;
};

/// The taking-part needs in (level, tie order): a stable counting pass by level over the tie
/// order (levels are few; a comparison sort of a million needs costs far more).
std::vector<std::uint32_t> byLevelThenOrder(const Problem& p) {
    constexpr std::size_t kRanks = kMaxDeadlineRank + 1;
    constexpr std::size_t kScores = kMaxScore + 1;
    const auto slot = [](const PNeed& n) {
        return (std::size_t{n.tier} * kScores + static_cast<std::size_t>(kMaxScore - n.score)) *
                   kRanks +
               n.rank;
    };
    std::vector<std::uint32_t> start(std::size_t{kMaxTiers} * kScores * kRanks + 1, 0);
    for (const PNeed& n : p.needs) ++start[slot(n) + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<std::uint32_t> out(p.needs.size());
    for (const std::uint32_t i : p.byOrder) out[start[slot(p.needs[i])]++] = i;
    return out;
}

/// Buckets in data order of their first need (deterministic), their needs in cg's bucket
/// arrays, each bucket's sorted by (level, tie order).
std::vector<Bucket> makeBuckets(const Problem& p, bool reference, CapProfiles& profiles,
                                ClassGraph& cg) {
    const std::vector<CapProfile>& table = cg.profiles;
    std::vector<Bucket> buckets;
    std::vector<std::uint32_t> sizes;
    std::vector<std::uint32_t> bucketOf(p.needs.size(), kNone);
    std::vector<std::uint32_t> freeOf(p.groups.size(), kNone);
    // Per profile, its classes as (level, bucket): a profile has a few levels, so a short scan.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> classesOf;
    const auto open = [&](BucketType type, std::uint32_t group, std::uint32_t profile) {
        buckets.push_back({type, group, {}, profile, profile == kNone ? 0 : table[profile].qEff});
        sizes.push_back(0);
        return static_cast<std::uint32_t>(buckets.size() - 1);
    };
    for (std::uint32_t i = 0; i < p.needs.size(); ++i) {
        const PNeed& n = p.needs[i];
        if (n.group == kNone) continue;
        std::uint32_t b = kNone;
        // A household with several needs of one kind shares a capped offer's cap: own bucket.
        const bool capped = profiles.capped(n.group);
        const std::uint32_t profile = reference || n.multi || !capped ? kNone : profiles.of(n);
        if (reference || (n.multi && capped)) {
            b = open(BucketType::Single, n.group, kNone);
        } else if (profile == kNone) {
            if (freeOf[n.group] == kNone) freeOf[n.group] = open(BucketType::Free, n.group, kNone);
            b = freeOf[n.group];
        } else {
            // Same group, level and limits: one class.
            if (classesOf.size() <= profile) classesOf.resize(profile + 1U);
            const std::uint32_t level = levelKey(n);
            for (const auto& [l, c] : classesOf[profile]) b = l == level ? c : b;
            if (b == kNone) {
                b = open(BucketType::Capped, n.group, profile);
                classesOf[profile].emplace_back(level, b);
            }
        }
        bucketOf[i] = b;
        ++sizes[b];
    }
    std::vector<std::uint32_t> at(buckets.size() + 1, 0);
    for (std::size_t b = 0; b < buckets.size(); ++b) at[b + 1] = at[b] + sizes[b];
    cg.bucketNeeds.assign(at.back(), 0);
    cg.bucketLevels.assign(at.back(), 0);
    cg.bucketQuantities.assign(at.back(), 0);
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        buckets[b].needs = {cg.bucketNeeds.data() + at[b], cg.bucketLevels.data() + at[b],
                            cg.bucketQuantities.data() + at[b], sizes[b]};
    }
    for (const std::uint32_t i : byLevelThenOrder(p)) {
        if (bucketOf[i] == kNone) continue;
        const std::uint32_t pos = at[bucketOf[i]]++;
        cg.bucketNeeds[pos] = i;
        cg.bucketLevels[pos] = levelKey(p.needs[i]);
        cg.bucketQuantities[pos] = p.needs[i].quantity;
    }
    return buckets;
}

/// Area passages: a group's offers of one distance class reach its buckets and pools through one
/// shared node when there are two or more of them, instead of one arc per offer and target.
/// Every unit in such a node costs the same distance and is eligible for every target, so any
/// split of its flow is feasible (the hand-out pours it). Two variants per distance class: all
/// the offers, for free buckets (no cap binds there), and the uncapped ones, for pools and single
/// needs (capped offers reach those directly or through hubs). Groups of one city or province
/// that see the same offers share the node, which is what makes it pay.
class AreaPassages {
public:
    explicit AreaPassages(const Problem& p) : m_p(p), m_feeds(2 * p.groups.size()) {}

    /// Passages of group g's offers (all, or the uncapped ones), made on first use.
    const std::vector<std::uint32_t>& of(std::uint32_t g, bool uncappedOnly, ClassGraph& cg) {
        Feed& f = m_feeds[2 * std::size_t{g} + (uncappedOnly ? 1 : 0)];
        if (f.made) return f.passages;
        f.made = true;
        const std::vector<Cand>& list = m_p.groups[g];
        f.covered.assign(list.size(), 0);
        for (std::uint8_t d = 0; d <= kMaxDistance; ++d) {
            m_slots.clear();
            std::uint64_t h = 1469598103934665603ULL ^ d;
            for (std::uint32_t k = 0; k < list.size(); ++k) {
                if (list[k].dist != d || (uncappedOnly && m_p.offers[list[k].offer].cap > 0)) {
                    continue;
                }
                m_slots.push_back(k);
                h = (h ^ list[k].offer) * 1099511628211ULL;
            }
            if (m_slots.size() < 2) continue;
            const std::uint32_t area = find(h, list, cg);
            f.passages.push_back(area);
            for (std::uint32_t k : m_slots) f.covered[k] = 1;
        }
        return f.passages;
    }
    /// Per slot of group g's offer list: 1 when one of its passages brings that offer.
    const std::vector<char>& covered(std::uint32_t g, bool uncappedOnly) const {
        return m_feeds[2 * std::size_t{g} + (uncappedOnly ? 1 : 0)].covered;
    }

private:
    struct Feed {
        bool made = false;
        std::vector<std::uint32_t> passages;
        std::vector<char> covered;
    };
    /// The passage of the offers list[m_slots] (one distance class), added when new. Found by a
    /// hash of the offers, confirmed by comparing them.
    std::uint32_t find(std::uint64_t h, const std::vector<Cand>& list, ClassGraph& cg) {
        const auto same = [&](const Passage& area) {
            if (area.offers.size() != m_slots.size()) return false;
            for (std::size_t i = 0; i < m_slots.size(); ++i) {
                if (!(area.offers[i] == list[m_slots[i]])) return false;
            }
            return true;
        };
        for (auto [it, end] = m_index.equal_range(h); it != end; ++it) {
            if (same(cg.areas[it->second])) return it->second;
        }
        const auto id = static_cast<std::uint32_t>(cg.areas.size());
        m_index.emplace(h, id);
        cg.areas.emplace_back();
        for (const std::uint32_t k : m_slots) cg.areas.back().offers.push_back(list[k]);
        return id;
    }

    const Problem& m_p;
    std::vector<Feed> m_feeds;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_index;
    std::vector<std::uint32_t> m_slots;
};

} // namespace

ClassGraph buildGraph(const Problem& p, bool reference) {
    ClassGraph cg;
    CapProfiles profiles(p, cg.profiles);
    cg.buckets = makeBuckets(p, reference, profiles, cg);
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
                cg.hubOffers.push_back(g[k].offer);
            }
        }
    }
    // Pools: one per (group, set of non-binding offers), shared by the profiles that have it.
    std::unordered_map<std::string, std::uint32_t> poolOf;
    std::string key;
    for (CapProfile& prof : cg.profiles) {
        key.clear();
        appendBytes(key, &prof.group, sizeof prof.group);
        std::vector<std::uint32_t> slots;
        for (std::uint32_t k = 0; k < prof.m.size(); ++k) {
            if (prof.m[k] < prof.qEff) continue;
            slots.push_back(k);
            appendBytes(key, &k, sizeof k);
        }
        if (slots.empty()) continue;
        const auto [it, added] = poolOf.emplace(key, static_cast<std::uint32_t>(cg.pools.size()));
        if (added) {
            cg.pools.emplace_back();
            cg.pools.back().group = prof.group;
            cg.pools.back().slots = std::move(slots);
        }
        prof.pool = it->second;
    }
    for (std::uint32_t b = 0; b < buckets.size(); ++b) {
        const Bucket& bk = buckets[b];
        if (bk.type == BucketType::Capped && cg.profiles[bk.profile].pool != kNone)
            cg.pools[cg.profiles[bk.profile].pool].targets.push_back(b);
    }
    // Passages first: their count is part of the node count the cost scale depends on.
    AreaPassages areas(p);
    const auto passagesOf = [&](std::uint32_t g,
                                bool uncappedOnly) -> const std::vector<std::uint32_t>& {
        static const std::vector<std::uint32_t> none;
        return reference ? none : areas.of(g, uncappedOnly, cg);
    };
    for (const Bucket& bk : buckets) {
        if (bk.type != BucketType::Capped)
            (void)passagesOf(bk.group, bk.type == BucketType::Single);
    }
    for (const Passage& pool : cg.pools) (void)passagesOf(pool.group, true);

    const std::uint32_t offerBase = 2;
    cg.bucketBase = static_cast<std::uint32_t>(offerBase + p.offers.size());
    cg.hubBase = static_cast<std::uint32_t>(cg.bucketBase + buckets.size());
    const std::uint32_t hubBase = cg.hubBase;
    cg.poolBase = static_cast<std::uint32_t>(hubBase + cg.hubs.size());
    cg.areaBase = static_cast<std::uint32_t>(cg.poolBase + cg.pools.size());
    const std::int64_t nodes =
        std::int64_t{cg.areaBase} + static_cast<std::int64_t>(cg.areas.size());
    const CostScale scale = costScale(nodes, p.tierCount);
    if (!scale.fits) return cg;
    cg.distanceUnit = scale.distance;

    // Arcs: s -> offer, s -> t (not served), offer -> hub, passages, bucket in-arcs, levels.
    // Room for all of them at once, from a bound a little above their count: no copying while
    // adding millions, and no doubling past what is needed (the browser's memory never shrinks).
    std::size_t bound = p.offers.size() + 1 + cg.hubs.size();
    for (const Passage& area : cg.areas) bound += area.offers.size();
    for (const Passage& pool : cg.pools)
        bound += pool.slots.size() + passagesOf(pool.group, true).size();
    for (const Bucket& bk : buckets) {
        if (bk.type == BucketType::Capped) {
            bound += cg.profiles[bk.profile].binding.size() + 2; // + pool arc, level arc
            continue;
        }
        const bool single = bk.type == BucketType::Single;
        const std::size_t covered =
            reference
                ? 0
                : static_cast<std::size_t>(std::count(areas.covered(bk.group, single).begin(),
                                                      areas.covered(bk.group, single).end(), 1));
        bound += p.groups[bk.group].size() - covered + passagesOf(bk.group, single).size() +
                 bk.needs.size();
    }
    ArcList& arcs = cg.arcs;
    arcs.arcs.reserve(bound);
    std::int64_t supply = 0;
    for (std::uint32_t k = 0; k < p.offers.size(); ++k) {
        arcs.add(0, offerBase + k, p.offers[k].remaining, 0);
        supply += p.offers[k].remaining;
    }
    arcs.add(0, 1, supply, 0);
    // A hub has one in-arc, so its distance cost may sit on its out-arcs (to the household's
    // needs) instead: the same cost for every flow, and each arc into a bucket carries its
    // offer's distance (ClassGraph::distanceUnit).
    for (std::uint32_t h = 0; h < cg.hubs.size(); ++h) {
        const PNeed& n = p.needs[cg.hubs[h].first];
        const Cand& c = p.groups[n.group][cg.hubs[h].second];
        arcs.add(offerBase + c.offer, hubBase + h, p.capLeft(n, c.offer), 0);
    }
    for (std::uint32_t c = 0; c < cg.areas.size(); ++c) {
        Passage& area = cg.areas[c];
        area.inBegin = arcs.size();
        for (const Cand& o : area.offers) {
            arcs.add(offerBase + o.offer, cg.areaBase + c, p.offers[o.offer].remaining,
                     distanceCost(scale, o.dist));
        }
        area.inEnd = arcs.size();
    }
    static const std::vector<char> noneCovered;
    const auto coveredOf = [&](std::uint32_t g, bool uncappedOnly) -> const std::vector<char>& {
        return reference ? noneCovered : areas.covered(g, uncappedOnly);
    };
    const auto passageArcs = [&](std::uint32_t g, bool uncappedOnly, std::uint32_t to,
                                 std::int64_t cap) {
        for (const std::uint32_t c : passagesOf(g, uncappedOnly)) {
            cg.areas[c].outArcs.push_back(arcs.size());
            arcs.add(cg.areaBase + c, to, cap, 0);
        }
    };
    for (std::uint32_t q = 0; q < cg.pools.size(); ++q) {
        Passage& pool = cg.pools[q];
        std::int64_t cap = 0;
        for (std::uint32_t b : pool.targets) {
            cap += static_cast<std::int64_t>(buckets[b].needs.size()) * buckets[b].qEff;
        }
        const std::vector<char>& covered = coveredOf(pool.group, true);
        pool.inBegin = arcs.size();
        for (std::uint32_t k : pool.slots) {
            const Cand& c = p.groups[pool.group][k];
            if (!covered.empty() && covered[k]) continue;
            arcs.add(offerBase + c.offer, cg.poolBase + q, cap, distanceCost(scale, c.dist));
        }
        pool.inEnd = arcs.size();
        passageArcs(pool.group, true, cg.poolBase + q, cap);
    }
    for (std::uint32_t b = 0; b < buckets.size(); ++b) {
        Bucket& bk = buckets[b];
        const std::vector<Cand>& g = p.groups[bk.group];
        const std::uint32_t node = cg.bucketBase + b;
        const auto k = static_cast<std::int64_t>(bk.needs.size());
        std::int64_t total = 0;
        for (std::size_t i = 0; i < bk.needs.size(); ++i) total += bk.needs.quantity(i);
        const bool single = bk.type == BucketType::Single;
        const std::vector<char>& covered =
            bk.type == BucketType::Capped ? noneCovered : coveredOf(bk.group, single);
        const auto viaPassage = [&](std::uint32_t slot) {
            return !covered.empty() && covered[slot] != 0;
        };
        bk.inBegin = arcs.size();
        if (bk.type == BucketType::Capped) {
            // Only binding offers come directly; the others through the pool.
            const CapProfile& prof = cg.profiles[bk.profile];
            for (const std::uint32_t s : prof.binding) {
                arcs.add(offerBase + g[s].offer, node, k * prof.m[s],
                         distanceCost(scale, g[s].dist));
            }
        }
        for (std::uint32_t s = 0; s < g.size() && bk.type != BucketType::Capped; ++s) {
            const std::uint32_t o = g[s].offer;
            const std::int64_t cost = distanceCost(scale, g[s].dist);
            if (bk.type == BucketType::Free) {
                if (!viaPassage(s)) arcs.add(offerBase + o, node, total, cost);
            } else {
                const PNeed& n = p.needs[bk.needs[0]];
                if (n.multi && p.offers[o].cap > 0) {
                    const std::uint32_t h = hubOf.at((std::uint64_t{n.household} << 32) | o);
                    arcs.add(hubBase + h, node, n.quantity, cost);
                } else if (!viaPassage(s)) {
                    const std::int64_t cap = std::min(n.quantity, p.capLeft(n, o));
                    if (cap > 0) arcs.add(offerBase + o, node, cap, cost);
                }
            }
        }
        bk.inEnd = arcs.size();
        if (bk.type == BucketType::Capped && cg.profiles[bk.profile].pool != kNone) {
            const std::uint32_t pool = cg.profiles[bk.profile].pool;
            cg.pools[pool].outArcs.push_back(arcs.size());
            arcs.add(cg.poolBase + pool, node, k * bk.qEff, 0);
        } else if (bk.type != BucketType::Capped) {
            passageArcs(bk.group, single, node, single ? p.needs[bk.needs[0]].quantity : total);
        }
        bk.levelBegin = arcs.size();
        for (std::size_t i = 0; i < bk.needs.size();) {
            const std::uint32_t lk = bk.needs.level(i);
            std::int64_t cap = 0;
            std::size_t j = i;
            for (; j < bk.needs.size() && bk.needs.level(j) == lk; ++j) cap += bk.needs.quantity(j);
            if (bk.type == BucketType::Capped) cap = k * bk.qEff;
            arcs.add(node, 1, cap, levelCost(scale, levelTier(lk), levelScore(lk), levelRank(lk)));
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

} // namespace nuanxin::matchdetail
