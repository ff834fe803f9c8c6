#pragma once
// Private to the households screen (households*.cpp): its state between frames and the parts
// each file draws. Tables are rebuilt only when the workspace revision, the filter or the sort
// changes; a frame draws the visible rows alone.
#include <cstdint>
#include <string>
#include <vector>

#include "core/session/workspace.h"
#include "core/view/household_form.h"
#include "core/view/household_rows.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {

class HouseholdsScreen final : public Screen {
public:
    void draw(App& app) override;

private:
    // households.cpp: caches and the filter bar.
    void refresh(App& app);
    void rebuildRows(const Workspace& ws);
    void updateDivisionChoices();
    void drawFilters(App& app);
    void drawDivisionFilter(App& app);
    // households_table.cpp
    void drawTable(App& app, float width, float height);
    // households_detail.cpp
    void drawDetail(App& app);
    void drawMembers(App& app, const Household& h);
    void drawNeeds(App& app, const Household& h);
    void drawAllocations(App& app, const Household& h);
    void drawHistory(App& app, const Household& h);
    // households_form.cpp
    void openAddForm(App& app);
    void openEditForm(App& app, const Household& h);
    void openNeedForm(App& app, const Household& h);
    void drawHouseholdForm(App& app);
    void drawMemberRows(App& app, bool editing);
    void saveHousehold(App& app);
    void drawNeedForm(App& app);
    void saveNeed(App& app);

    /// The household shown in the detail view, or nullptr.
    [[nodiscard]] const Household* selected(const Workspace& ws) const;

    // ---- caches, rebuilt when the workspace or its revision changes ----
    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    HouseholdTable m_table;
    std::vector<std::string> m_provinces;   ///< 2-digit codes with households, sorted
    std::vector<std::string> m_cities;      ///< 4-digit codes inside the chosen province
    std::vector<std::string> m_countyCodes; ///< county codes inside the chosen city
    std::vector<std::uint32_t> m_rows;    ///< positions in Dataset::households, shown order
    bool m_rowsDirty = true;

    // ---- filters ----
    HouseholdQuery m_query;
    std::string m_province, m_city, m_county; ///< chosen codes ("" = all)
    int m_category = -1;                      ///< -1: all
    int m_kind = -1;
    std::string m_search;
    bool m_searchPending = false; ///< typed but not applied yet (large stores wait for a pause)
    double m_searchEditedAt = 0.0;

    // ---- selection and detail ----
    HouseholdId m_selected = 0;
    std::uint32_t m_selectedRow = 0; ///< its position in Dataset::households when found
    HouseholdId m_historyFor = 0;
    std::uint64_t m_historyRevision = 0;
    std::vector<HistoryEntry> m_history;

    // ---- forms ----
    bool m_openForm = false; ///< open the household modal at the next chance
    HouseholdDraft m_draft;
    FormErrors m_formErrors;
    bool m_openNeedForm = false;
    NeedDraft m_needDraft;
    FormErrors m_needErrors;
};

} // namespace nuanxin
