// The audit screen: who did what and when, from the store's journal (the source of truth),
// newest first, narrowed to one household, allocation or offer.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/session/workspace.h"
#include "core/view/household_text.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/screen.h"

namespace nuanxin {
namespace {

using namespace widgets;

constexpr std::size_t kLimits[] = {100, 500, 2000, 10000};
/// Commands written out in a row; a matching run journals thousands in one record.
constexpr std::size_t kInlineCommands = 3;
constexpr std::size_t kTooltipCommands = 40;

/// How many commands a record holds. Workspace::history() lists at most 200 of a large record
/// and ends the list with "... +N" for the rest; that marker is counted as the N it stands for.
std::size_t commandCount(const HistoryEntry& e) {
    if (e.commands.empty()) return 0;
    const std::string& last = e.commands.back();
    constexpr std::string_view kMarker = "... +";
    if (last.compare(0, kMarker.size(), kMarker) != 0) return e.commands.size();
    return e.commands.size() - 1 + static_cast<std::size_t>(std::strtoull(last.c_str() + kMarker.size(), nullptr, 10));
}

bool idInput(const char* label, const char* id, std::uint64_t& value) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("000000000").x + ImGui::GetStyle().FramePadding.x * 2.0f);
    return ImGui::InputScalar(id, ImGuiDataType_U64, &value, nullptr, nullptr, "%llu");
}

class AuditScreen final : public Screen {
public:
    void draw(App& app) override {
        const Lang lang = app.lang();
        Workspace& ws = *app.workspace();
        filters(lang);
        refresh(ws, lang);

        mutedText(fillSlots(tr(Str::UiAuditShown, lang), {grouped(static_cast<std::int64_t>(m_entries.size()))}).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(?)");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::UiAuditNote, lang));
        if (m_entries.empty()) {
            ImGui::TextDisabled("%s", tr(Str::UiAuditEmpty, lang));
            return;
        }
        table(lang);
    }

private:
    void filters(Lang lang) {
        bool changed = idInput(tr(Str::UiAuditFilterHousehold, lang), "##household", m_filter.household);
        ImGui::SameLine(0.0f, 20.0f);
        changed |= idInput(tr(Str::UiAuditFilterAllocation, lang), "##allocation", m_filter.allocation);
        ImGui::SameLine(0.0f, 20.0f);
        changed |= idInput(tr(Str::UiAuditFilterOffer, lang), "##offer", m_filter.offer);
        ImGui::SameLine(0.0f, 20.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiAuditLimit, lang));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("000000").x + ImGui::GetFrameHeight() * 2.0f);
        if (ImGui::BeginCombo("##limit", std::to_string(m_filter.limit).c_str())) {
            for (std::size_t limit : kLimits) {
                if (ImGui::Selectable(std::to_string(limit).c_str(), limit == m_filter.limit)) {
                    m_filter.limit = limit;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine(0.0f, 20.0f);
        if (ImGui::Button(tr(Str::UiAuditClear, lang))) {
            m_filter.household = m_filter.allocation = m_filter.offer = 0;
            changed = true;
        }
        if (changed) m_revision = 0; // ask again
    }

    void refresh(const Workspace& ws, Lang lang) {
        if (&ws == m_workspace && ws.revision() == m_revision && lang == m_lang) return;
        m_lang = lang;
        m_workspace = &ws;
        m_revision = ws.revision();
        m_entries = ws.history(m_filter);
        m_whens.clear();
        m_whens.reserve(m_entries.size());
        m_lines.clear();
        m_lines.reserve(m_entries.size());
        for (const HistoryEntry& e : m_entries) {
            m_whens.push_back(timeText(e.when));
            m_lines.push_back(summaryLine(lang, e));
        }
    }

    void table(Lang lang) {
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
        if (!ImGui::BeginTable("##history", 5, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        const auto fixed = [](const char* header, const char* sample) {
            ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed,
                                    std::max(ImGui::CalcTextSize(header).x, ImGui::CalcTextSize(sample).x));
        };
        fixed(tr(Str::UiAuditSequence, lang), "0000000");
        fixed(tr(Str::UiAuditWhen, lang), "0000-00-00 00:00");
        fixed(tr(Str::UiAuditWho, lang), "staff-member");
        fixed(tr(Str::UiAuditCount, lang), "000,000");
        ImGui::TableSetupColumn(tr(Str::UiAuditCommands, lang), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_entries.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const HistoryEntry& e = m_entries[static_cast<std::size_t>(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%" PRIu64, e.sequence);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m_whens[static_cast<std::size_t>(row)].c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.who.c_str());
                ImGui::TableNextColumn();
                rightAlignedText(grouped(static_cast<std::int64_t>(commandCount(e))));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m_lines[static_cast<std::size_t>(row)].c_str());
                commandsTooltip(lang, e);
            }
        }
        ImGui::EndTable();
    }

    /// The first commands of a record on one line (the clipper's rows keep one height).
    static std::string summaryLine(Lang lang, const HistoryEntry& e) {
        std::string line;
        for (std::size_t i = 0; i < e.commands.size() && i < kInlineCommands; ++i) {
            if (i > 0) line += "; ";
            line += e.commands[i];
        }
        if (const std::size_t total = commandCount(e); total > kInlineCommands) {
            line += "  " + fillSlots(tr(Str::UiAuditMore, lang), {grouped(static_cast<std::int64_t>(total - kInlineCommands))});
        }
        return line;
    }

    /// The rest of a long record in a tooltip.
    static void commandsTooltip(Lang lang, const HistoryEntry& e) {
        if (e.commands.size() <= kInlineCommands || !ImGui::IsItemHovered()) return;
        std::string tip;
        for (std::size_t i = 0; i < e.commands.size() && i < kTooltipCommands; ++i) {
            tip += e.commands[i];
            tip += '\n';
        }
        if (const std::size_t total = commandCount(e); total > kTooltipCommands) {
            tip += fillSlots(tr(Str::UiAuditMore, lang), {grouped(static_cast<std::int64_t>(total - kTooltipCommands))});
        }
        ImGui::SetTooltip("%s", tip.c_str());
    }

    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    HistoryFilter m_filter;
    std::vector<HistoryEntry> m_entries;
    Lang m_lang = Lang::Zh;
    std::vector<std::string> m_whens; ///< formatted once per answer, not per frame
    std::vector<std::string> m_lines;
};

} // namespace

std::unique_ptr<Screen> makeAuditScreen() { return std::make_unique<AuditScreen>(); }

} // namespace nuanxin
