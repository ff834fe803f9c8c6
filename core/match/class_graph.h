#pragma once
// Internal to core/match: the flow graph of a run (class graph or reference graph) and the
// hand-out of its flow to needs. Node layout: 0 = source, 1 = sink, then offers, buckets, hubs,
// pools and area passages, in that order.
#include <cstdint>
#include <vector>

#include "core/match/flow.h"
#include "core/match/problem.h"

namespace nuanxin::matchdetail {

enum class BucketType : std::uint8_t { Free, Capped, Single };

/// A bucket's needs: a run of ClassGraph::bucketNeeds (one array for all buckets: a province's
/// run has hundreds of thousands of buckets, most with one or two needs), with each need's
/// level and quantity beside it, so that walking a bucket does not jump around Problem::needs.
struct NeedSlice {
    const std::uint32_t* first = nullptr;
    const std::uint32_t* levels = nullptr;
    const std::int64_t* quantities = nullptr;
    std::size_t count = 0;
    [[nodiscard]] std::size_t size() const { return count; }
    [[nodiscard]] std::uint32_t operator[](std::size_t i) const { return first[i]; }
    [[nodiscard]] std::uint32_t level(std::size_t i) const { return levels[i]; }
    [[nodiscard]] std::int64_t quantity(std::size_t i) const { return quantities[i]; }
    [[nodiscard]] const std::uint32_t* begin() const { return first; }
    [[nodiscard]] const std::uint32_t* end() const { return first + count; }
};

/// A node between offers and the sink, holding needs. Free: every need of one eligibility group
/// whose caps do not bind (any split between its needs is feasible), all levels pooled, one level
/// arc each. Capped: needs of one group with the same level, the same effective per-offer limits
/// and quantity, so splitting its flow is a symmetric problem (see the hand-out). Single: one need.
struct Bucket {
    BucketType type = BucketType::Free;
    std::uint32_t group = 0;
    NeedSlice needs;               ///< by (level, tie order)
    std::uint32_t profile = kNone; ///< Capped: its CapProfile
    std::int64_t qEff = 0;         ///< Capped: units one need may take in all
    std::size_t inBegin = 0, inEnd = 0, levelBegin = 0, levelEnd = 0;
};

/// What one need of a capped class may take from each offer of its group. Shared by every class
/// of the group with the same limits (they differ by level): most needs' limits depend only on
/// their group and quantity, so a profile is worked out once, not once per need.
struct CapProfile {
    std::uint32_t group = 0;
    std::int64_t qEff = 0;              ///< units one need may take in all
    std::vector<std::int64_t> m;        ///< per group offer, units one need may take
    std::vector<std::uint32_t> binding; ///< group offers with 0 < m < qEff: direct arcs
    std::uint32_t pool = kNone;         ///< the pool of its non-binding offers (m >= qEff)
};

/// A pass-through node whose units are interchangeable for everything it feeds, so any split of
/// its flow between its out-arcs is feasible. Pool: the non-binding offers of a family of capped
/// classes (same group, same binding offers), fed to each class by one arc instead of one arc per
/// offer and class. Area passage: two or more offers of one distance class that a group
/// is eligible for (all of them for free buckets, the uncapped ones for pools and single needs),
/// shared by every group that sees the same set, e.g. the groups of one city or province.
struct Passage {
    std::uint32_t group = 0;            ///< Pool: its group
    std::vector<std::uint32_t> slots;   ///< Pool: positions in the group's offer list
    std::vector<std::uint32_t> targets; ///< Pool: capped buckets fed
    std::vector<Cand> offers;           ///< Area passage: its offers
    std::vector<std::size_t> outArcs;   ///< arcs leaving it, in creation order
    std::size_t inBegin = 0, inEnd = 0;
};

/// The flow arcs of a run, as the solver takes them (no copy).
struct ArcList {
    std::vector<FlowArc> arcs;
    void add(std::uint32_t from, std::uint32_t to, std::int64_t cap, std::int64_t cost) {
        arcs.push_back({from, to, cap, cost});
    }
    [[nodiscard]] std::size_t size() const { return arcs.size(); }
};

struct ClassGraph {
    ClassGraph() = default;
    ClassGraph(const ClassGraph&) = delete; // buckets point into bucketNeeds: moves only
    ClassGraph& operator=(const ClassGraph&) = delete;
    ClassGraph(ClassGraph&&) = default;
    ClassGraph& operator=(ClassGraph&&) = default;
    ~ClassGraph() = default;

    std::vector<Bucket> buckets;
    std::vector<std::uint32_t> bucketNeeds;     ///< the buckets' needs, bucket after bucket
    std::vector<std::uint32_t> bucketLevels;    ///< beside bucketNeeds: levelKey
    std::vector<std::int64_t> bucketQuantities; ///< beside bucketNeeds: quantity
    std::vector<CapProfile> profiles;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hubs; ///< (need index, group slot)
    std::vector<std::uint32_t> hubOffers;                      ///< per hub: its offer
    std::vector<Passage> pools;
    std::vector<Passage> areas;
    ArcList arcs;
    std::vector<std::int64_t> supply; ///< per node
    std::uint32_t bucketBase = 0, hubBase = 0, poolBase = 0, areaBase = 0;
    std::size_t levels = 0;
    /// Cost of one unit per distance class (CostScale::distance). Every arc that brings an
    /// offer's units to a passage, pool or bucket costs exactly its distance class times this,
    /// so the hand-out reads distances back from the arcs' costs.
    std::int64_t distanceUnit = 1;

    /// @brief The offer whose units an arc into a passage, pool or bucket brings: its tail is
    /// that offer's node or a hub of it (node layout above).
    [[nodiscard]] std::uint32_t carriedOffer(const FlowArc& a) const {
        if (a.from >= 2 && a.from < bucketBase) return a.from - 2;
        if (a.from >= hubBase && a.from < poolBase) return hubOffers[a.from - hubBase];
        return kNone;
    }
};

/// @brief Builds the engine's class graph, or the reference graph (every need its own bucket,
/// no pools, no area passages). Empty supply when the costs could overflow (see cost_scale.h).
[[nodiscard]] ClassGraph buildGraph(const Problem& problem, bool reference);

/// @brief Gives each bucket's flow to its needs by the tie rule.
[[nodiscard]] std::vector<RawAllocation> handOut(const ClassGraph& graph,
                                                 const std::vector<std::int64_t>& flow);

} // namespace nuanxin::matchdetail
