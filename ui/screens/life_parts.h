#pragma once
// Private to the lifecycle screens (work, volunteer, reports) and the current-user control: the
// few texts and widgets they share.
#include <string>
#include <vector>

#include "core/session/workspace_tasks.h"
#include "ui/app.h"

namespace nuanxin::life {

/// The backend setting that remembers who uses the app between runs.
inline constexpr const char* kUserSetting = "user";

/// @brief "分配 #3" / "任务 #2".
[[nodiscard]] std::string workRefText(WorkRef ref, Lang lang);
/// @brief "¥1,234.50" for an amount in fen.
[[nodiscard]] std::string yuanText(std::int64_t fen);
/// @brief "第3级 · 县级民政部门" for an approver tier 0..4; "未定" below 0.
[[nodiscard]] std::string tierText(int tier, Lang lang);
/// @brief "#4 李志愿", or "#4" for an unknown id; "—" for 0.
[[nodiscard]] std::string volunteerText(const Workspace& ws, VolunteerId id);
/// @brief What a user may do, in words: "审批第3级 · 志愿者 #4 李志愿", or "工作人员".
[[nodiscard]] std::string roleText(const Workspace& ws, const UserRole& role, Lang lang);
/// @brief Every refusal of a result, one per line: the reason and the value (translated, values
/// masked by the core), without the field's path.
[[nodiscard]] std::string refusalText(const FieldErrors& errors, Lang lang);

/// @brief A combo of the active volunteers (with "nobody" first when `none` is not Count_),
/// each entry named "<mark>.<n>" (n: its place in the list) and "nobody" "<mark>.none" for the
/// end-to-end tests; the combo itself is named `mark`. True when the choice changed.
bool volunteerCombo(const char* id, const Workspace& ws, VolunteerId& chosen, Lang lang,
                    const char* mark, Str none = Str::Count_, float width = 0.0f);

/// @brief Messages of the last action on a screen: what was done, and each refusal in red,
/// kept until the next action or until dismissed.
class ActionLog {
public:
    void clear() { m_lines.clear(); }
    void done(std::string text) { m_lines.push_back({std::move(text), false}); }
    void refused(std::string text) { m_lines.push_back({std::move(text), true}); }
    [[nodiscard]] bool empty() const { return m_lines.empty(); }
    /// @brief Draws the lines (a dismiss button first); nothing when empty.
    void draw(Lang lang);

private:
    struct Line {
        std::string text;
        bool refusal = false;
    };
    std::vector<Line> m_lines;
};

} // namespace nuanxin::life
