#include "ui/frame_stats.h"

#include <algorithm>
#include <cmath>

namespace nuanxin {

void FrameStats::add(double ms) {
    m_ms[m_next] = ms;
    m_next = (m_next + 1) % kCapacity;
    m_size = std::min(m_size + 1, kCapacity);
    ++m_total;
}

double FrameStats::percentile(double p) const {
    if (m_size == 0) return 0.0;
    std::array<double, kCapacity> sorted = m_ms;
    std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(m_size));
    // Nearest rank: the smallest value with at least p% of the frames at or below it.
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(m_size));
    const auto index = static_cast<std::size_t>(std::max(rank, 1.0)) - 1;
    return sorted[index];
}

} // namespace nuanxin
