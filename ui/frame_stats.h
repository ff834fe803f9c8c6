#pragma once
#include <array>
#include <cstddef>

namespace nuanxin {

/// @brief The durations of the last few hundred frames, for p50/p95 in the test hook and the
/// status bar. A fixed ring: no allocation per frame, old frames (loading) age out.
class FrameStats {
public:
    static constexpr std::size_t kCapacity = 300;

    void add(double ms);
    /// @brief The p-th percentile (0..100, nearest rank) of the frames kept; 0 without frames.
    [[nodiscard]] double percentile(double p) const;
    /// @brief Frames kept (at most kCapacity).
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// @brief Frames ever added.
    [[nodiscard]] std::size_t total() const { return m_total; }

private:
    std::array<double, kCapacity> m_ms{};
    std::size_t m_next = 0;
    std::size_t m_size = 0;
    std::size_t m_total = 0;
};

} // namespace nuanxin
