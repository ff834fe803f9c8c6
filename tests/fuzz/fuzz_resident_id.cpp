// ID number parsing (core/id/resident_id.h) of any text on any day. Properties of an accepted
// number: 18 characters with the right check character, a birth date not after the day, the
// sex of the order code, the division code its first six digits; and masking never shows more
// than the first and last four characters of any text, valid or not.
#include <algorithm>
#include <cstdint>

#include "core/id/resident_id.h"
#include "fuzz_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // Bytes 0-1: the day, within about 180 years after 1900.
    const auto offset = static_cast<std::int64_t>(data[0] | (data[1] << 8));
    const Date today = Date::fromDays(-25567 + offset); // 1900-01-01 + offset
    const std::string_view text = fuzz::bytesOf(data + 2, size - 2);
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();

    const auto parsed = parseResidentId(text, divisions, today);
    if (parsed.ok()) {
        const ResidentId& id = parsed.value();
        fuzz::require(id.number.size() == 18, "accepted number is not 18 characters");
        fuzz::require(residentIdCheckChar(std::string_view(id.number).substr(0, 17)) == id.number[17],
                      "accepted number with a wrong check character");
        fuzz::require(!(today < id.birth), "accepted a birth date after today");
        fuzz::require(id.divisionCode == id.number.substr(0, 6), "division code is not digits 1-6");
        fuzz::require((id.sequence % 2 == 1) == (id.sex == Sex::Male), "sex differs from order code");
        const std::string masked = id.masked();
        fuzz::require(masked.size() == 18 && masked.compare(0, 4, id.number, 0, 4) == 0 &&
                          masked.compare(14, 4, id.number, 14, 4) == 0 &&
                          masked.substr(4, 10) == std::string(10, '*'),
                      "masked form wrong", masked);
        (void)id.ageOn(today);
        // The same number parses the same way again (upper-case X, nothing else changed).
        const auto again = parseResidentId(id.number, divisions, today);
        fuzz::require(again.ok() && again.value().number == id.number, "parse not stable");
    } else {
        for (const FieldError& e : parsed.errors()) {
            // Error values are masked: a rejected 18-digit number never appears whole.
            fuzz::require(text.size() < 8 || text.find('*') != std::string_view::npos ||
                              e.value != text,
                          "error shows the number unmasked");
        }
    }
    // Any 18 bytes (an ID number's length) lose their middle ten to '*'.
    if (text.size() == 18 && text.find('*') == std::string_view::npos &&
        std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        const std::string masked = maskIdNumber(text);
        fuzz::require(masked.substr(4, 10) == std::string(10, '*'), "maskIdNumber left the middle",
                      masked);
    }
    return 0;
}
