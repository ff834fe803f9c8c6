#pragma once
// The add and edit forms of the households screen as plain values: what the user typed (a
// draft), read into a Household or a Need with every problem named by the field it belongs to,
// so the screen can show each error next to its input. The screen itself only draws.
#include <cstdint>
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/model/types.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief One member row of the form. Birth and sex come from the ID number; they are typed
/// only for someone without papers.
struct MemberDraft {
    std::string name;
    /// Editing: empty keeps the number registered (the form never shows a full number).
    std::string idNumber;
    std::string keptIdMasked; ///< editing: the registered number, masked, as the input's hint
    std::string birth;        ///< YYYY-MM-DD, read only without an ID number
    Sex sex = Sex::Female;
    AttributeSet attributes;
};

struct HouseholdDraft {
    HouseholdId id = 0; ///< 0: a new household
    std::string divisionCode;
    /// Editing: empty keeps the registered address / phone, shown masked as the hints below.
    std::string address;
    std::string phone;
    std::string keptAddressMasked;
    std::string keptPhoneMasked;
    CategorySet categories;
    bool consent = false;
    std::vector<MemberDraft> members;
};

/// @brief A form read into a record, or the reasons it cannot be.
template <class T>
struct FormResult {
    T value;
    FieldErrors errors; ///< fields named as validate() names them ("members[1].id_number")
    [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// @brief A draft for a new household: one empty member (the head).
[[nodiscard]] HouseholdDraft newHouseholdDraft();
/// @brief A draft to edit `h`: its fields, but the address, the phone and the ID numbers left
/// out (personal data the screen shows masked only: they come back as hints).
[[nodiscard]] HouseholdDraft editHouseholdDraft(const Household& h);

/// @brief Reads a draft and checks it with validate(): texts trimmed, spaces taken out of the
/// phone, birth and sex taken from a valid ID number; an empty address, phone or ID number of an
/// existing member kept from `original`. `original` is the registered household when editing (nullptr: new).
/// The result has a placeholder id of 1 for a new household (the workspace assigns the real
/// one), registration on `today` by `organisation`. Nothing is stored.
[[nodiscard]] FormResult<Household> readHouseholdDraft(const HouseholdDraft& draft,
                                                       const Household* original,
                                                       const DivisionRegistry& divisions,
                                                       const Date& today,
                                                       const std::string& organisation);

struct NeedDraft {
    HouseholdId household = 0;
    Kind kind = Kind::Coal;
    std::string quantity;
    Urgency urgency = Urgency::Normal;
    std::string deadline; ///< YYYY-MM-DD
    std::string note;
};

/// @brief A draft for a new need of `household`, due `deadlineDays` after `today`.
[[nodiscard]] NeedDraft newNeedDraft(HouseholdId household, const Date& today, int deadlineDays);
/// @brief Reads a need draft (the unit follows the kind) and checks it with validate().
/// Placeholder id 1; status open.
[[nodiscard]] FormResult<Need> readNeedDraft(const NeedDraft& draft);

/// @brief Reads an integer typed in a form: optional sign, digits, nothing else. Errors name
/// `field` (ErrRequired when empty and required, ErrNotInteger otherwise).
[[nodiscard]] bool readInteger(const std::string& text, const std::string& field, bool required,
                               std::int64_t& out, FieldErrors& errors);
/// @brief Reads a YYYY-MM-DD (or YYYYMMDD) date typed in a form; errors name `field`.
[[nodiscard]] bool readDate(const std::string& text, const std::string& field, bool required,
                            Date& out, FieldErrors& errors);
/// @brief Appends the validate() errors whose field has no form error yet (a field whose text
/// could not be read would otherwise get a second, misleading message about its placeholder).
void mergeErrors(FieldErrors& into, const FieldErrors& validated);
/// @brief The store names a refusal by the command it was in ("commands[0].members[1].name"):
/// a form that submitted one record takes the "commands[i]." off to find its own fields.
[[nodiscard]] FieldErrors withoutCommandPrefix(FieldErrors errors);

} // namespace nuanxin
