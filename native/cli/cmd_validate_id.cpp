// nuanxin validate-id ID: the parsed fields (number masked) or every reason it is invalid.
#include <iostream>

#include "core/id/resident_id.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {

int runValidateId(Args& args) {
    const Lang lang = args.lang();
    const std::string number = args.positional("ID");
    args.finish();
    const Date today = Date::today();
    const auto& divisions = DivisionRegistry::builtIn();
    const auto parsed = parseResidentId(number, divisions, today);
    const char* sep = lang == Lang::Zh ? "：" : ": ";
    if (!parsed) {
        // Errors carry the number already masked (FieldError::value), never in full.
        std::cout << tr(Str::CliIdInvalid, lang) << '\n';
        for (const auto& e : parsed.errors()) std::cout << "  " << e.describe(lang) << '\n';
        return kFailed;
    }
    const ResidentId& id = parsed.value();
    std::cout << tr(Str::CliIdValid, lang) << '\n'
              << "  " << tr(Str::CliIdNumber, lang) << sep << id.masked() << '\n'
              << "  " << tr(Str::CliIdDivision, lang) << sep << divisions.fullName(id.divisionCode)
              << " (" << id.divisionCode << ")"
              << (id.legacyDivision ? std::string(" ") + tr(Str::CliIdLegacyDivision, lang) : "")
              << '\n'
              << "  " << tr(Str::CliIdBirth, lang) << sep << id.birth.iso() << '\n'
              << "  " << tr(Str::CliIdSex, lang) << sep << tr(label(id.sex), lang) << '\n'
              << "  " << tr(Str::CliIdAge, lang) << sep << id.ageOn(today) << '\n';
    return kOk;
}

} // namespace nuanxin::cli
