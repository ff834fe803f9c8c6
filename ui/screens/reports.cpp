// The reports screen: the coverage report (应保尽保) of a day, replayed from the journal, so a
// past day's report is the same whenever it is made. It is computed when asked (the button, or
// a new day typed), never per frame: the frame after the request shows "computing", the next
// one replays the journal (which blocks for as long as the store takes) and keeps the result.
#include <chrono>

#include <imgui.h>

#include "core/session/workspace.h"
#include "core/view/household_search.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/reports_parts.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

using namespace widgets;

/// Days end at midnight in China (UTC+8), as the campaign's offices count them.
constexpr int kUtcOffsetMinutes = 480;

struct CsvButton {
    CoverageTable table;
    Str label;
    const char* mark;
    const char* file;
};
constexpr CsvButton kCsvButtons[] = {
    {CoverageTable::Areas, Str::UiLifeCsvAreas, "reports.csv.areas", "areas"},
    {CoverageTable::Offers, Str::UiLifeCsvOffers, "reports.csv.offers", "offers"},
    {CoverageTable::Tiers, Str::UiLifeCsvTiers, "reports.csv.tiers", "tiers"},
    {CoverageTable::Advance, Str::UiLifeCsvAdvance, "reports.csv.advance", "help-first"},
    {CoverageTable::Timeline, Str::UiLifeCsvTimeline, "reports.csv.timeline", "timeline"},
};

class ReportsScreen final : public Screen {
public:
    void draw(App& app) override {
        Workspace& ws = *app.workspace();
        const Lang lang = app.lang();
        if (m_day.empty()) m_day = localDay(ws.now(), kUtcOffsetMinutes).iso();
        if (m_workspace != &ws) {
            m_workspace = &ws;
            m_shown.reset();
            m_error.clear();
        }
        toolbar(app);
        if (m_pending) {
            if (m_pendingShown) {
                compute(app);
            } else {
                m_pendingShown = true; // drawn once before the replay blocks
            }
        }
        ImGui::Separator();
        if (!m_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, errorColour());
            ImGui::TextWrapped("%s", m_error.c_str());
            ImGui::PopStyleColor();
        }
        if (!m_shown) {
            if (!m_pending) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeReportHint, lang));
            return;
        }
        ImGui::BeginChild("##report");
        reports::drawReport(app, *m_shown, m_view);
        ImGui::EndChild();
    }

private:
    void toolbar(App& app) {
        const Lang lang = app.lang();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiLifeColDay, lang));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
        const bool entered = inputString("##day", m_day, "YYYY-MM-DD",
                                         ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_EnterReturnsTrue |
                                             ImGuiInputTextFlags_CharsNoBlank);
        markItem("reports.day");
        const bool leftEdited = ImGui::IsItemDeactivatedAfterEdit();
        const auto day = Date::parse(trimAscii(m_day));
        ImGui::SameLine();
        ImGui::BeginDisabled(!day || m_pending);
        const bool run = ImGui::Button(tr(Str::UiLifeRunReport, lang));
        markItem("reports.run");
        ImGui::EndDisabled();
        // A new day typed (Enter, or leaving the field) is computed like a click.
        const bool newDay = (entered || leftEdited) && day && (!m_shown || !(m_shown->report.day == *day));
        if ((run || newDay) && day && !m_pending) {
            m_pending = true;
            m_pendingShown = false;
        }
        ImGui::SameLine(0.0f, 16.0f);
        ImGui::AlignTextToFramePadding();
        if (!day) {
            ImGui::TextColored(errorColour(), "%s", tr(Str::UiLifeDayFormat, lang));
        } else if (m_pending) {
            ImGui::TextColored(kOfferBar, "%s", tr(Str::UiLifeComputing, lang));
        } else if (m_shown) {
            status(app);
        }
        if (!m_shown) return;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiLifeCsvExport, lang));
        for (const CsvButton& b : kCsvButtons) {
            ImGui::SameLine();
            if (ImGui::Button(tr(b.label, lang))) {
                app.saveFile("coverage-" + std::string(b.file) + "-" + m_shown->report.day.iso() + ".csv",
                             coverageCsv(m_shown->report, b.table, app.workspace()->divisions(), lang), "text/csv");
            }
            markItem(b.mark);
        }
    }

    void status(App& app) {
        const Lang lang = app.lang();
        const CoverageReport& r = m_shown->report;
        std::string text = fillSlots(tr(Str::UiLifeReportStatus, lang),
                                     {r.day.iso(), grouped(static_cast<std::int64_t>(r.records)),
                                      grouped(static_cast<std::int64_t>(m_shown->millis))});
        mutedText(text.c_str());
        if (r.skipped > 0) {
            ImGui::SameLine();
            ImGui::TextColored(kErrorText, "%s",
                               fillSlots(tr(Str::UiLifeReportSkipped, lang), {std::to_string(r.skipped)}).c_str());
        }
        if (m_shown->revision != app.workspace()->revision()) {
            ImGui::SameLine();
            ImGui::TextColored(kNeedBar, "%s", tr(Str::UiLifeReportStale, lang));
        }
    }

    void compute(App& app) {
        Workspace& ws = *app.workspace();
        m_pending = false;
        m_pendingShown = false;
        const auto day = Date::parse(trimAscii(m_day));
        if (!day) return;
        ReportOptions options;
        options.day = *day;
        options.utcOffsetMinutes = kUtcOffsetMinutes;
        options.lang = app.lang();
        const auto start = std::chrono::steady_clock::now();
        auto result = coverageReport(ws.store(), ws.plugins(), options);
        const double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!result.ok()) {
            m_error = std::string(tr(Str::UiLifeReportFailed, app.lang())) + ": " +
                      result.errors().front().describe(app.lang());
            return;
        }
        m_error.clear();
        reports::ShownReport shown;
        shown.report = std::move(result.value());
        shown.series = timelineSeries(shown.report);
        shown.millis = millis;
        shown.revision = ws.revision();
        // A drill-down into an area the new day has no household in starts again at the top.
        if (!m_view.parent.empty() && findArea(shown.report, m_view.parent) == nullptr) m_view.parent.clear();
        m_shown = std::move(shown);
        m_day = m_shown->report.day.iso();
    }

    const Workspace* m_workspace = nullptr;
    std::string m_day;
    bool m_pending = false;
    bool m_pendingShown = false;
    std::optional<reports::ShownReport> m_shown;
    std::string m_error;
    reports::ChartView m_view;
};

} // namespace

std::unique_ptr<Screen> makeReportsScreen() { return std::make_unique<ReportsScreen>(); }

} // namespace nuanxin
