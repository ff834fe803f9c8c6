// Files into the workspace: a whole data set, the preview of a CSV file and its import.
#include <set>

#include "core/id/resident_id.h"
#include "core/io/export.h"
#include "core/session/dataset_commands.h"
#include "core/session/workspace_detail.h"
#include "core/util/csv.h"
#include "core/util/personal.h"

namespace nuanxin {
namespace {

/// A cell as the preview may show it. Mapped personal fields are masked the way the import masks
/// them in its rejects; a cell of a column no header maps is masked when it holds a long run of
/// digits (an ID number or a phone under a header nobody mapped yet).
std::string shown(const std::string& field, const std::string& value) {
    if (field == "id_number") return maskIdNumber(value);
    if (field == "phone") return maskPhone(value);
    if (field == "address") return maskAddress(value);
    if (field == "name") return maskName(value);
    if (field.empty()) {
        std::size_t run = 0;
        for (char c : value) {
            run = (c >= '0' && c <= '9') ? run + 1 : 0;
            if (run >= 7) return maskMiddle(value, 2, 2);
        }
    }
    return value;
}

} // namespace

Result<std::uint64_t> Workspace::loadDataset(const Dataset& data) {
    if (m_job) return FieldError{"matching", "", Str::SessionErrMatching, ""};
    if (!empty()) return FieldError{"store", m_store->dir(), Str::SessionErrStoreNotEmpty, ""};
    std::vector<Command> commands = datasetCommands(data, state().nextIds());
    if (!data.title.empty() && storeTitle(state()) != data.title) {
        commands.push_back(cmd::ChangeSetting{kTitleSetting, data.title});
    }
    return commit(std::move(commands));
}

ImportPreview Workspace::previewCsv(std::string_view bytes, ImportTarget target,
                                    const HeaderMap& headers, std::size_t rows) const {
    ImportPreview preview;
    auto decoded = decodeText(bytes, Encoding::Auto, "csv");
    if (!decoded.ok()) {
        preview.fatal = decoded.errors().front();
        return preview;
    }
    preview.encoding = decoded.value().encoding;
    CsvReader reader(decoded.value().text);
    CsvRow row;
    if (!reader.next(row)) {
        preview.fatal = reader.error() ? reader.error()->toFieldError("csv")
                                       : FieldError{"csv:1", "", Str::IoEmptyFile, ""};
        return preview;
    }
    std::set<std::string> mapped;
    for (const std::string& header : row.fields) {
        const auto field = headers.field(header);
        // The first column of a field wins, as in the import.
        const bool used = field && mapped.insert(*field).second;
        preview.headers.push_back(header);
        preview.fields.push_back(used ? *field : std::string());
    }
    for (const std::string& f : HeaderMap::requiredFields(target)) {
        if (mapped.count(f) == 0) preview.missingRequired.push_back(f);
    }
    while (reader.next(row)) {
        ++preview.totalRows;
        if (preview.rows.size() >= rows) continue;
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
            const std::string& field = i < preview.fields.size() ? preview.fields[i] : "";
            cells.push_back(shown(field, row.fields[i]));
        }
        preview.rows.push_back(std::move(cells));
    }
    if (reader.error()) {
        // The import refuses the whole file then: show nothing of it either.
        ImportPreview broken;
        broken.fatal = reader.error()->toFieldError("csv");
        broken.encoding = preview.encoding;
        return broken;
    }
    return preview;
}

ImportReport Workspace::importCsv(std::string_view bytes, ImportTarget target,
                                  std::string_view fileName, ImportOptions options) {
    if (m_job) {
        ImportReport refused;
        refused.fatal = FieldError{std::string(fileName), "", Str::SessionErrMatching, ""};
        return refused;
    }
    options.who = m_config.user;
    options.when = now();
    if (options.organisation.empty()) options.organisation = organisation();
    ImportReport report = ::nuanxin::importCsv(*m_store, bytes, target, options, fileName);
    if (report.committed) m_revision = session_detail::nextRevision();
    return report;
}

} // namespace nuanxin
