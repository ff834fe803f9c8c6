#pragma once
// The demo generator's own random numbers: splitmix64 seeding, xoshiro256** stream and an
// exact range reduction written here, because std::uniform_*_distribution and friends give
// different sequences in libstdc++ (native) and libc++ (Emscripten).
#include <cstdint>
#include <vector>

namespace nuanxin::demo {

/// @brief Deterministic pseudo-random numbers; same seed, same sequence on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& s : m_state) s = splitMix64(x);
    }

    /// @brief The next 64 random bits (xoshiro256**).
    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// @brief Uniform in [0, n); n > 0. Rejection sampling: no modulo bias.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n; // 2^64 mod n
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

    /// @brief Uniform integer in [lo, hi] (inclusive); lo <= hi.
    int range(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    /// @brief True with probability percent/100.
    bool percent(int percent) { return static_cast<int>(below(100)) < percent; }

    /// @brief An index drawn with the given integer weights (not all zero).
    std::size_t weighted(const std::vector<int>& weights) {
        std::uint64_t total = 0;
        for (int w : weights) total += static_cast<std::uint64_t>(w > 0 ? w : 0);
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const auto w = static_cast<std::uint64_t>(weights[i] > 0 ? weights[i] : 0);
            if (r < w) return i;
            r -= w;
        }
        return weights.size() - 1;
    }

    /// @brief A uniformly chosen element of a non-empty vector.
    template <class T> const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(below(items.size()))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4]{};
};

} // namespace nuanxin::demo
