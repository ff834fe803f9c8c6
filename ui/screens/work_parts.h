#pragma once
// Private to the work screen's files (work.cpp: the screen, its filters and the cache;
// work_table.cpp: the clipped table; work_actions.cpp: approve, assign, confirm, cancel, reject,
// reassign and derive; work_detail.cpp: the chosen item's approval, progress and history).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/session/workspace_tasks.h"
#include "ui/screens/life_parts.h"
#include "ui/screens/screen.h"
#include "ui/widgets/reason_prompt.h"

namespace nuanxin {

/// @brief One listed item with what the table shows beside it, made when the list is rebuilt.
struct WorkRow {
    WorkItem item;
    /// What approving it takes now (asked of the plugins once per rebuild), for allocations
    /// waiting for an approval.
    std::optional<ApprovalNeed> need;
    std::string countyName;
    std::string volunteer;
};

class WorkScreen final : public Screen {
public:
    void draw(App& app) override;

private:
    enum class ReasonAction : std::uint8_t { None, Cancel, Reject, Reassign };

    void refresh(App& app);
    void filterBar(App& app);
    void actionBar(App& app);
    void table(App& app, float height);
    void tableRow(App& app, const WorkRow& row, int& marked);
    void detail(App& app);
    void approvalBlock(App& app, const WorkItem& item);
    void progressBlock(App& app, const WorkItem& item);
    void historyBlock(App& app, const WorkItem& item);
    void reasonModal(App& app);

    void approve(App& app);
    void assign(App& app);
    void confirm(App& app);
    void derive(App& app);
    void endWith(App& app, ReasonAction action);
    [[nodiscard]] std::vector<WorkRef> selection() const;

    // Filters (WorkFilter), -1: any.
    int m_status = -1;
    int m_type = -1;
    std::string m_area;
    bool m_mine = false;
    bool m_advanceOnly = false;
    bool m_newestFirst = true;

    // The list, rebuilt when the store, the user or a filter changes.
    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    std::string m_user;
    bool m_dirty = true;
    std::vector<WorkRow> m_rows;
    bool m_truncated = false;

    std::set<WorkRef> m_selected;
    std::optional<WorkRef> m_focus;
    VolunteerId m_assignTo = 0;

    ReasonAction m_reasonAction = ReasonAction::None;
    ReasonPrompt m_reason;
    VolunteerId m_reassignTo = 0;

    // The focused item's history, asked once per revision.
    std::optional<WorkRef> m_historyRef;
    std::uint64_t m_historyRevision = 0;
    std::vector<HistoryEntry> m_history;

    life::ActionLog m_log;
};

} // namespace nuanxin
