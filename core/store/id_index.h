#pragma once
// A hash map from 64-bit keys (record ids, packed ID numbers) to 64-bit values (positions,
// household ids), stored in one flat array with linear probing. std::unordered_map allocates a
// node per entry: rebuilding the indexes of a million-household snapshot spent most of its time
// in malloc. Here an insert is a hash and a probe or two in memory that is already there.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace nuanxin {

class IdIndex {
public:
    /// @brief How keys are spread over the table. Record ids are handed out one after another:
    /// `Sequential` places consecutive ids in consecutive slots, so rebuilding or growing the
    /// index walks memory in order. Other keys (packed ID numbers) are scattered by `Mixed`.
    enum class Keys : std::uint8_t { Sequential, Mixed };

    explicit IdIndex(Keys keys = Keys::Sequential) : m_mixed(keys == Keys::Mixed) {}

    [[nodiscard]] std::size_t size() const { return m_size + (m_hasEmptyKey ? 1 : 0); }

    void clear() {
        m_slots.clear();
        m_size = 0;
        m_hasEmptyKey = false;
    }

    /// @brief Room for `n` entries without growing (load factor at most 1/2).
    void reserve(std::size_t n) {
        std::size_t want = 16;
        while (want < 2 * n) want *= 2;
        if (want > m_slots.size()) rehash(want);
    }

    /// @brief Inserts or replaces.
    void set(std::uint64_t key, std::uint64_t value) {
        if (key == kEmpty) {
            m_hasEmptyKey = true;
            m_emptyKeyValue = value;
            return;
        }
        if (2 * (m_size + 1) > m_slots.size()) rehash(m_slots.empty() ? 16 : 2 * m_slots.size());
        std::size_t i = home(key);
        while (m_slots[i].first != kEmpty && m_slots[i].first != key) i = next(i);
        if (m_slots[i].first == kEmpty) ++m_size;
        m_slots[i] = {key, value};
    }

    [[nodiscard]] std::optional<std::uint64_t> find(std::uint64_t key) const {
        if (key == kEmpty) {
            return m_hasEmptyKey ? std::optional<std::uint64_t>(m_emptyKeyValue) : std::nullopt;
        }
        if (m_slots.empty()) return std::nullopt;
        for (std::size_t i = home(key); m_slots[i].first != kEmpty; i = next(i)) {
            if (m_slots[i].first == key) return m_slots[i].second;
        }
        return std::nullopt;
    }

    /// @brief The value of a key that must be there (an index out of step is a bug).
    [[nodiscard]] std::uint64_t at(std::uint64_t key) const {
        const auto v = find(key);
        if (!v) throw std::out_of_range("IdIndex::at");
        return *v;
    }

    void erase(std::uint64_t key) {
        if (key == kEmpty) {
            m_hasEmptyKey = false;
            return;
        }
        if (m_slots.empty()) return;
        std::size_t i = home(key);
        while (m_slots[i].first != key) {
            if (m_slots[i].first == kEmpty) return;
            i = next(i);
        }
        // Backward-shift deletion: move later entries of the probe run into the hole, so that
        // lookups never need tombstones.
        std::size_t hole = i;
        for (std::size_t j = next(i); m_slots[j].first != kEmpty; j = next(j)) {
            const std::size_t h = home(m_slots[j].first);
            // Move j into the hole unless its home lies cyclically in (hole, j].
            const bool stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!stays) {
                m_slots[hole] = m_slots[j];
                hole = j;
            }
        }
        m_slots[hole].first = kEmpty;
        --m_size;
    }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    [[nodiscard]] std::size_t home(std::uint64_t key) const {
        // Fibonacci hashing for scattered keys: the multiply mixes every bit into the top ones.
        if (m_mixed) return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> m_shift);
        return static_cast<std::size_t>(key & (m_slots.size() - 1));
    }
    [[nodiscard]] std::size_t next(std::size_t i) const { return (i + 1) & (m_slots.size() - 1); }

    void rehash(std::size_t capacity) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> old(capacity, {kEmpty, 0});
        old.swap(m_slots);
        m_shift = 64;
        for (std::size_t c = capacity; c > 1; c /= 2) --m_shift;
        m_size = 0;
        for (const auto& [key, value] : old) {
            if (key != kEmpty) set(key, value);
        }
    }

    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_slots;
    std::size_t m_size = 0;
    unsigned m_shift = 64;
    bool m_mixed = false;
    bool m_hasEmptyKey = false;
    std::uint64_t m_emptyKeyValue = 0;
};

} // namespace nuanxin
