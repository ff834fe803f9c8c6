#pragma once
// The modal that asks why: cancelling or reassigning work, rejecting proposals. Every such
// action is journaled with its reason, so the reason is required before OK is offered.
#include <cstdint>
#include <functional>
#include <string>

#include "core/i18n/tr.h"

namespace nuanxin {

class ReasonPrompt {
public:
    enum class Answer : std::uint8_t { Pending, Confirmed, Dismissed };

    /// @brief Opens the modal at the next draw(), the reason typed last time cleared.
    void open();
    /// @brief Draws the modal while it is open: `title`, then `extra` (fields of the action
    /// itself, may be empty), then the reason, OK and Cancel. Confirmed once, on the frame OK
    /// (or Enter) is taken with a reason; Dismissed once when cancelled or closed.
    Answer draw(const std::string& title, Lang lang, float heightEm,
                const std::function<void()>& extra = {});
    /// @brief The reason typed, without surrounding blanks.
    [[nodiscard]] std::string reason() const;

private:
    bool m_opening = false;
    std::string m_text;
};

} // namespace nuanxin
