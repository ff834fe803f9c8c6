// importCsv: decoding, the header, dispatch to the household/offer/donor readers; committing;
// the rejects file.
#include "core/io/import.h"

#include "core/io/csv_write.h"
#include "core/io/import_detail.h"

namespace nuanxin {
namespace io_detail {
namespace {

/// "commands[12].members[0].id_number" → 12 and "members[0].id_number".
std::pair<std::size_t, std::string> splitCommandField(const std::string& field) {
    const std::string prefix = "commands[";
    if (field.compare(0, prefix.size(), prefix) != 0) return {0, field};
    const auto close = field.find(']');
    std::size_t index = 0;
    for (std::size_t i = prefix.size(); i < close; ++i) {
        index = index * 10 + static_cast<std::size_t>(field[i] - '0');
    }
    std::string rest = field.substr(close + 1);
    if (!rest.empty() && rest.front() == '.') rest.erase(0, 1);
    return {index, rest};
}

void refusedToRejects(ImportReport& report, const FieldErrors& errors,
                      const std::vector<std::size_t>& unitOfCommand, const std::vector<Unit>& units,
                      std::size_t firstUnit) {
    for (const FieldError& e : errors) {
        const auto [index, rest] = splitCommandField(e.field);
        const std::size_t unit = index < unitOfCommand.size() ? unitOfCommand[index] : firstUnit;
        // Values in store errors are already masked by validate().
        report.rejects.push_back(RejectedRow{units[unit].line, rest, e.value, e.reason, e.detail});
    }
}

void accept(ImportReport& report, const Unit& unit) {
    report.rowsAccepted += unit.rows;
    ++report.recordsAdded;
    if (unit.held) report.held.push_back(*unit.held);
}

} // namespace

void commitUnits(Store& store, std::vector<Unit>& units, const ImportOptions& options,
                 ImportReport& report, std::size_t totalRows) {
    if (units.empty()) return;
    if (options.allOrNothing) {
        if (!report.rejects.empty()) return;
        if (cancelled(options)) {
            report.cancelled = true;
            return;
        }
        Submission s{options.who, options.when, {}};
        std::vector<std::size_t> unitOfCommand;
        for (std::size_t u = 0; u < units.size(); ++u) {
            for (Command& c : units[u].commands) {
                s.commands.push_back(std::move(c));
                unitOfCommand.push_back(u);
            }
        }
        auto result = store.submit(std::move(s));
        if (!result.ok()) {
            refusedToRejects(report, result.errors(), unitOfCommand, units, 0);
            return;
        }
        report.committed = true;
        for (const Unit& u : units) accept(report, u);
        if (options.progress) options.progress(totalRows, totalRows);
        return;
    }
    // Chunks of units per journal record, several records per durable write (group commit).
    const std::size_t chunk = options.chunkRows ? options.chunkRows : 1;
    constexpr std::size_t kRecordsPerSync = 8;
    std::size_t next = 0;
    while (next < units.size()) {
        if (cancelled(options)) {
            report.cancelled = true;
            return;
        }
        std::vector<Submission> group;
        std::vector<std::pair<std::size_t, std::size_t>> ranges; // [first, last) units per record
        for (std::size_t r = 0; r < kRecordsPerSync && next < units.size(); ++r) {
            const std::size_t first = next;
            const std::size_t last = std::min(units.size(), first + chunk);
            Submission s{options.who, options.when, {}};
            for (std::size_t u = first; u < last; ++u) {
                for (const Command& c : units[u].commands) s.commands.push_back(c);
            }
            group.push_back(std::move(s));
            ranges.emplace_back(first, last);
            next = last;
        }
        const auto results = store.submitGroup(std::move(group));
        for (std::size_t r = 0; r < results.size(); ++r) {
            const auto [first, last] = ranges[r];
            if (results[r].ok()) {
                report.committed = true;
                for (std::size_t u = first; u < last; ++u) accept(report, units[u]);
                continue;
            }
            // The store refused the record: commit its units one by one so that only the
            // refused ones are lost, each with its reasons.
            std::vector<Submission> singles;
            for (std::size_t u = first; u < last; ++u) {
                singles.push_back(Submission{options.who, options.when, units[u].commands});
            }
            const auto each = store.submitGroup(std::move(singles));
            for (std::size_t k = 0; k < each.size(); ++k) {
                const std::size_t u = first + k;
                if (each[k].ok()) {
                    report.committed = true;
                    accept(report, units[u]);
                } else {
                    std::vector<std::size_t> unitOfCommand(units[u].commands.size(), u);
                    refusedToRejects(report, each[k].errors(), unitOfCommand, units, u);
                }
            }
        }
        // The state now holds them: free the import's copies as it goes (peak memory).
        for (std::size_t u = ranges.front().first; u < next; ++u) {
            std::vector<Command>().swap(units[u].commands);
        }
        if (options.progress) {
            options.progress(std::min(totalRows, report.rowsAccepted + report.rejects.size()),
                             totalRows);
        }
    }
}

} // namespace io_detail

ImportReport importCsv(Store& store, std::string_view bytes, ImportTarget target,
                       const ImportOptions& options, std::string_view fileName) {
    ImportReport report;
    auto decoded = decodeText(bytes, options.encoding, fileName);
    if (!decoded.ok()) {
        report.fatal = decoded.errors().front();
        return report;
    }
    report.encoding = decoded.value().encoding;
    const std::string& text = decoded.value().text;
    const std::size_t totalRows = io_detail::countLines(text);
    CsvReader reader(text);
    auto cols = io_detail::readColumns(reader, target, options, fileName);
    if (!cols.ok()) {
        report.fatal = cols.errors().front();
        return report;
    }
    switch (target) {
    case ImportTarget::Households:
        return io_detail::importHouseholds(store, reader, cols.value(), options, std::move(report),
                                           totalRows);
    case ImportTarget::Offers:
        return io_detail::importOffers(store, reader, cols.value(), options, std::move(report),
                                       totalRows);
    case ImportTarget::Donors:
        return io_detail::importDonors(store, reader, cols.value(), options, std::move(report),
                                       totalRows);
    }
    return report;
}

std::string rejectsCsv(const ImportReport& report, Lang lang) {
    std::string out(kUtf8Bom);
    out += csvLine({tr(Str::IoColLine, lang), tr(Str::IoColColumn, lang), tr(Str::IoColValue, lang),
                    tr(Str::IoColReason, lang)});
    if (report.fatal) out += csvLine({report.fatal->field, "", "", report.fatal->describe(lang)});
    for (const RejectedRow& r : report.rejects) {
        const FieldError e{"", "", r.reason, r.detail};
        out += csvLine({std::to_string(r.line), r.column, r.value, e.describe(lang)});
    }
    return out;
}

} // namespace nuanxin
