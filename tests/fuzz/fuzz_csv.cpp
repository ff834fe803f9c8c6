// The CSV reader (core/util/csv.h) on any bytes: no crash, the same records whether read one by
// one or all at once, and cells written by csvLine() read back unchanged (with the quote that
// defuses formulas), since exports written here must import again.
#include <cstdint>
#include <vector>

#include "core/io/csv_write.h"
#include "core/io/encoding.h"
#include "core/util/csv.h"
#include "fuzz_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr char kSeparators[] = {',', ';', '\t', '|'};
    const char separator = kSeparators[data[0] % 4];
    const std::string_view text = fuzz::bytesOf(data + 1, size - 1);

    const auto all = readCsv(text, "fuzz.csv", separator);
    CsvReader reader(text, separator);
    std::vector<CsvRow> rows;
    for (CsvRow row; reader.next(row);) rows.push_back(row);
    fuzz::require(all.ok() == !reader.error().has_value(), "readCsv and CsvReader disagree");
    std::size_t lastLine = 0;
    for (const CsvRow& r : rows) {
        fuzz::require(r.line > lastLine, "record lines not increasing");
        lastLine = r.line;
    }
    if (all.ok()) {
        fuzz::require(all.value().size() == rows.size(), "record counts differ");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            fuzz::require(all.value()[i].fields == rows[i].fields, "fields differ");
        }
        // Round trip through the writer (comma-separated, every cell quoted).
        std::string written;
        for (const CsvRow& r : rows) written += csvLine(r.fields);
        const auto again = readCsv(written, "again.csv");
        fuzz::require(again.ok(), "csvLine output does not read back");
        fuzz::require(again.value().size() == rows.size(), "csvLine round trip lost records");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& a = again.value()[i].fields;
            fuzz::require(a.size() == rows[i].fields.size(), "csvLine round trip changed a width");
            for (std::size_t k = 0; k < a.size(); ++k) {
                const std::string& v = rows[i].fields[k];
                const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' ||
                                                    v[0] == '@');
                fuzz::require(a[k] == (formula ? "'" + v : v), "csvLine round trip changed a cell");
            }
        }
    }
    // The encoding step before the reader sees any file.
    (void)decodeText(text, Encoding::Auto, "fuzz.csv");
    (void)firstInvalidUtf8(text);
    return 0;
}
