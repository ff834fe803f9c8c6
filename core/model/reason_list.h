#pragma once
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/i18n/tr.h"

namespace nuanxin {

/// @brief One reason behind a decision: a translation key and language-neutral facts.
struct Reason {
    Str code = Str::ErrInvalid;
    std::string detail;
};

/// @brief The reasons of an allocation, read like a const std::vector<Reason>. Copies share one
/// list: a matching run gives the same explanation (rule, tier and score, distance, the
/// policy's reasons) to many of its allocations, and a province's run has a million of them,
/// so each distinct list is stored once. A change makes a new list for this copy alone (lists
/// are a few entries long and change only while they are made).
class ReasonList {
public:
    using value_type = Reason;
    using const_iterator = std::vector<Reason>::const_iterator;
    using iterator = const_iterator;
    using size_type = std::size_t;

    ReasonList() = default;
    ReasonList(std::vector<Reason> reasons) // NOLINT(google-explicit-constructor): a list's value
        : m_list(reasons.empty()
                     ? nullptr
                     : std::make_shared<const std::vector<Reason>>(std::move(reasons))) {}
    ReasonList(std::initializer_list<Reason> reasons) : ReasonList(std::vector<Reason>(reasons)) {}

    [[nodiscard]] const std::vector<Reason>& list() const { return m_list ? *m_list : empty_(); }
    [[nodiscard]] const_iterator begin() const { return list().begin(); }
    [[nodiscard]] const_iterator end() const { return list().end(); }
    [[nodiscard]] size_type size() const { return list().size(); }
    [[nodiscard]] bool empty() const { return list().empty(); }
    [[nodiscard]] const Reason& operator[](size_type i) const { return list()[i]; }
    [[nodiscard]] const Reason& at(size_type i) const { return list().at(i); }
    [[nodiscard]] const Reason& front() const { return list().front(); }
    [[nodiscard]] const Reason& back() const { return list().back(); }

    void push_back(Reason r) {
        std::vector<Reason> next = list();
        next.push_back(std::move(r));
        *this = ReasonList(std::move(next));
    }
    template <class It> void insert(const_iterator pos, It first, It last) {
        std::vector<Reason> next = list();
        next.insert(next.begin() + (pos - begin()), first, last);
        *this = ReasonList(std::move(next));
    }
    void clear() { m_list.reset(); }

    /// @brief Whether both copies share one list (then they are equal without a look).
    [[nodiscard]] bool shares(const ReasonList& other) const { return m_list == other.m_list; }

private:
    static const std::vector<Reason>& empty_() {
        static const std::vector<Reason> none;
        return none;
    }
    std::shared_ptr<const std::vector<Reason>> m_list; ///< null when empty
};

} // namespace nuanxin
