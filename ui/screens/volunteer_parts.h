#pragma once
// Private to the volunteer screen's files (volunteer.cpp: the screen and a volunteer's list with
// "done"; volunteer_print.cpp: the print view and the downloads; volunteer_admin.cpp: user roles
// and the volunteers' register, for staff).
#include <cstdint>
#include <optional>
#include <string>

#include "core/session/workspace_tasks.h"
#include "core/view/volunteer_form.h"
#include "ui/screens/life_parts.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {

class VolunteerScreen final : public Screen {
public:
    void draw(App& app) override;

private:
    void refreshSheet(Workspace& ws, VolunteerId volunteer);
    void sheetTab(App& app, VolunteerId volunteer, bool isOwn);
    void sheetGroups(App& app);
    void doneModal(App& app, VolunteerId volunteer);
    void markDone(App& app, VolunteerId volunteer);
    void printWindow(App& app);
    void downloadCsv(App& app);
    void downloadPrintPage(App& app);

    void adminTab(App& app);
    void rolesForm(App& app);
    void usersTable(App& app);
    void volunteersTable(App& app);
    void volunteerForm(App& app);
    void saveRole(App& app);
    void saveVolunteer(App& app);

    // The list, rebuilt when the store, the volunteer or "with done" changes.
    VolunteerId m_picked = 0;
    bool m_includeDone = false;
    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    VolunteerId m_sheetVolunteer = 0;
    bool m_sheetDone = false;
    VolunteerSheet m_sheet;

    // "Done" on one task.
    std::optional<WorkRef> m_doneRef;
    bool m_openDone = false;
    std::string m_note;
    std::string m_photo;
    FormErrors m_doneErrors;

    bool m_printOpen = false;

    // Roles.
    std::string m_roleUser;
    int m_roleTier = 0;
    VolunteerId m_roleVolunteer = 0;
    FormErrors m_roleErrors;

    // The volunteer being added or edited.
    VolunteerDraft m_draft;
    bool m_openVolunteerForm = false;
    FormErrors m_volunteerErrors;
};

/// @brief A group's headings in a sheet: its county's name over the first of its townships,
/// then the township (or "no township").
void groupHeading(const VolunteerSheet& sheet, const VolunteerGroup& group, Lang lang, const ImVec4& townshipColour);

} // namespace nuanxin
