#include "core/view/import_mapping.h"

#include <algorithm>

namespace nuanxin {

TargetFit targetFit(const std::vector<std::string>& headers, ImportTarget target) {
    const HeaderMap map = HeaderMap::defaults(target);
    std::vector<std::string> mapped;
    for (const std::string& header : headers) {
        const auto field = map.field(header);
        if (field && !field->empty() &&
            std::find(mapped.begin(), mapped.end(), *field) == mapped.end()) {
            mapped.push_back(*field);
        }
    }
    TargetFit fit;
    fit.target = target;
    fit.recognised = mapped.size();
    for (const std::string& required : HeaderMap::requiredFields(target)) {
        if (std::find(mapped.begin(), mapped.end(), required) == mapped.end()) ++fit.missingRequired;
    }
    return fit;
}

ImportTarget guessImportTarget(const std::vector<std::string>& headers) {
    TargetFit best = targetFit(headers, kImportTargets[0]);
    for (ImportTarget target : kImportTargets) {
        const TargetFit fit = targetFit(headers, target);
        // Strictly better only, so a tie keeps the earlier target (households first).
        if (fit.recognised > best.recognised ||
            (fit.recognised == best.recognised && fit.missingRequired < best.missingRequired)) {
            best = fit;
        }
    }
    return best.target;
}

HeaderMap headerMapWith(ImportTarget target, const std::vector<HeaderChoice>& choices) {
    HeaderMap map = HeaderMap::defaults(target);
    for (const HeaderChoice& choice : choices) map.set(choice.header, choice.field);
    return map;
}

std::string chosenField(ImportTarget target, const std::vector<HeaderChoice>& choices,
                        const std::string& header) {
    return headerMapWith(target, choices).field(header).value_or("");
}

void chooseField(std::vector<HeaderChoice>& choices, ImportTarget target, const std::string& header,
                 const std::string& field) {
    choices.erase(std::remove_if(choices.begin(), choices.end(),
                                 [&](const HeaderChoice& c) { return c.header == header; }),
                  choices.end());
    if (HeaderMap::defaults(target).field(header).value_or("") != field) {
        choices.push_back(HeaderChoice{header, field});
    }
}

std::vector<std::string> fieldsMappedTwice(const std::vector<std::string>& fields) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].empty() || std::find(out.begin(), out.end(), fields[i]) != out.end()) continue;
        if (std::find(fields.begin() + static_cast<std::ptrdiff_t>(i) + 1, fields.end(), fields[i]) !=
            fields.end()) {
            out.push_back(fields[i]);
        }
    }
    return out;
}

Str importFieldLabel(ImportTarget target, const std::string& field) {
    struct Label {
        const char* field;
        Str key;
    };
    // "name" is a person's name in a households file and an organisation's in a donors file.
    if (field == "name") {
        return target == ImportTarget::Donors ? Str::UiFilesFieldDonorName : Str::UiFilesFieldName;
    }
    static constexpr Label kLabels[] = {
        {"id_number", Str::UiFilesFieldIdNumber},
        {"division", Str::UiFilesFieldDivision},
        {"household", Str::UiFilesFieldHousehold},
        {"category", Str::UiFilesFieldCategory},
        {"attributes", Str::UiFilesFieldAttributes},
        {"need", Str::UiFilesFieldNeed},
        {"quantity", Str::UiFilesFieldQuantity},
        {"deadline", Str::UiFilesFieldDeadline},
        {"urgency", Str::UiFilesFieldUrgency},
        {"note", Str::UiFilesFieldNote},
        {"phone", Str::UiFilesFieldPhone},
        {"address", Str::UiFilesFieldAddress},
        {"consent", Str::UiFilesFieldConsent},
        {"title", Str::UiFilesFieldTitle},
        {"donor", Str::UiFilesFieldDonor},
        {"kind", Str::UiFilesFieldKind},
        {"capacity", Str::UiFilesFieldCapacity},
        {"coverage", Str::UiFilesFieldCoverage},
        {"target_groups", Str::UiFilesFieldTargetGroups},
        {"window_start", Str::UiFilesFieldWindowStart},
        {"window_end", Str::UiFilesFieldWindowEnd},
        {"per_household_cap", Str::UiFilesFieldPerHouseholdCap},
        {"unit_value", Str::UiFilesFieldUnitValue},
        {"type", Str::UiFilesFieldDonorType},
    };
    for (const Label& label : kLabels) {
        if (field == label.field) return label.key;
    }
    return Str::ErrInvalid;
}

std::string importFieldText(ImportTarget target, const std::string& field, Lang lang) {
    if (field.empty()) return tr(Str::UiFilesIgnoreColumn, lang);
    const Str key = importFieldLabel(target, field);
    if (key == Str::ErrInvalid) return field;
    return std::string(tr(key, lang)) + " (" + field + ')';
}

Str importTargetLabel(ImportTarget target) {
    switch (target) {
    case ImportTarget::Households:
        return Str::Households;
    case ImportTarget::Offers:
        return Str::Offers;
    case ImportTarget::Donors:
        return Str::Donors;
    }
    return Str::Households;
}

std::string rejectReasonText(const RejectedRow& row, Lang lang) {
    // The same words as rejectsCsv() writes, so the screen and the downloaded file agree.
    return FieldError{"", "", row.reason, row.detail}.describe(lang);
}

} // namespace nuanxin
