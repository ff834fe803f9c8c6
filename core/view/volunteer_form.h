#pragma once
// The volunteers and roles forms of the volunteer screen as plain values (see household_form.h
// for the pattern): what was typed, read into a Volunteer with each problem named by its field,
// and the printable list a volunteer takes to the doors.
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/session/workspace_tasks.h"
#include "core/view/household_form.h"

namespace nuanxin {

struct VolunteerDraft {
    VolunteerId id = 0; ///< 0: a new volunteer
    std::string name;
    std::string phone;
    std::string divisionCode; ///< where they work: a province, city or county code
    std::vector<Kind> kinds;  ///< what they carry out; empty: anything
    bool active = true;
};

/// @brief A draft to edit `v`: its fields, but the phone left empty (personal data the screen
/// shows masked only; an empty phone keeps the one stored).
[[nodiscard]] VolunteerDraft editVolunteerDraft(const Volunteer& v);
/// @brief Reads a draft (spaces trimmed, none inside the phone) and checks it with validate():
/// name, a valid phone and a known division are required. A new volunteer gets placeholder
/// id 1 (the workspace assigns the real one); editing `original`, an empty phone keeps its
/// phone. Nothing is stored.
[[nodiscard]] FormResult<Volunteer> readVolunteerDraft(const VolunteerDraft& draft,
                                                       const Volunteer* original,
                                                       const DivisionRegistry& divisions);
/// @brief A refusal of the store for the one flat record a form submitted (a volunteer, a role,
/// a delivery), each field named by the last part of its path as the form names its inputs
/// ("commands[0].volunteer.phone" → "phone"). Not for records with lists of records inside.
[[nodiscard]] FieldErrors flatFieldErrors(FieldErrors errors);

/// @brief The sheet as a page to print, black on white: one table per township under its
/// county's name, a row per task with the address, name, masked ID, phone, what, quantity and
/// deadline, and an empty column to sign. The page asks the browser to print when opened.
/// Holds the same personal data as volunteerSheetCsv() and no more; every text is escaped.
[[nodiscard]] std::string volunteerSheetHtml(const VolunteerSheet& sheet, Lang lang,
                                             const std::string& printedOn);

} // namespace nuanxin
