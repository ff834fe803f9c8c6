// The matching screen: run the engine (with progress and cancel), review its proposals, see what
// it did, and assign by hand as volunteers do. The tabs live in matching_*.cpp.
#include <cstdio>
#include <string>
#include <string_view>

#include <imgui.h>

#include "core/geo/divisions.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/matching_parts.h"
#include "ui/screens/screen.h"

namespace nuanxin {
namespace matching {

std::string householdLabel(const State& state, HouseholdId household) {
    const Household* h = state.household(household);
    if (h == nullptr) return "#" + std::to_string(household);
    std::string head = headName(*h);
    if (head.empty()) head = "#" + std::to_string(household);
    return head + " · " + widgets::areaName(h->divisionCode);
}

std::string offerLabel(const State& state, OfferId offer) {
    const Offer* o = state.offer(offer);
    if (o == nullptr) return "#" + std::to_string(offer);
    std::string text = o->title.empty() ? "#" + std::to_string(offer) : o->title;
    if (const Donor* d = state.donor(o->donor); d != nullptr && !d->name.empty()) text += " · " + d->name;
    return text;
}

std::string reasonsText(const std::vector<Reason>& reasons, Lang lang) {
    std::string text;
    for (const Reason& r : reasons) {
        if (!text.empty()) text += '\n';
        text += reasonText(r, lang);
    }
    return text;
}

const Reason* mainReason(const Allocation& a) {
    for (const Reason& r : a.reasons) {
        switch (r.code) {
        case Str::MatchDistCounty:
        case Str::MatchDistCity:
        case Str::MatchDistProvince:
        case Str::MatchDistWider:
        case Str::MatchWhyGreedy:
        case Str::SessionReasonByHand: return &r;
        default: break;
        }
    }
    return a.reasons.empty() ? nullptr : &a.reasons.front();
}

std::string shortReason(const Reason& reason, Lang lang) {
    // The facts ("distance=3") are for the tooltip; a text that takes them in its words keeps them.
    const char* text = tr(reason.code, lang);
    return std::string_view(text).find("{}") != std::string_view::npos ? reasonText(reason, lang) : text;
}

std::string tierText(int tier, Lang lang) {
    if (tier < 0) return tr(Str::UiMatchByHand, lang);
    return fillSlots(tr(Str::UiMatchTierN, lang), {std::to_string(tier)});
}

} // namespace matching

namespace {

using namespace matching;

class MatchingScreen final : public Screen {
public:
    void draw(App& app) override {
        Workspace& ws = *app.workspace();
        runBar(app, ws);
        ImGui::Spacing();

        // The Offers screen hands an offer over: open the by-hand tab on it, and take it (so that
        // handing the same offer over again opens the tab again).
        bool showHand = false;
        if (const OfferId handed = app.selectedOffer(); handed != 0) {
            app.selectOffer(0);
            m_hand.offer = handed;
            showHand = true;
        }
        if (!ImGui::BeginTabBar("##matching_tabs")) return;
        const Lang lang = app.lang();
        // Proposals first: a run's proposals are what staff act on (and where end-to-end tests
        // find match.approve without switching tabs).
        // "###" keeps each tab's identity when the language (its label) changes.
        const std::string proposals = std::string(tr(Str::UiMatchTabProposals, lang)) + "###proposals";
        const std::string results = std::string(tr(Str::UiMatchTabResults, lang)) + "###results";
        const std::string hand = std::string(tr(Str::UiMatchTabByHand, lang)) + "###hand";
        if (ImGui::BeginTabItem(proposals.c_str())) {
            proposalsTab(app, m_proposals);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(results.c_str())) {
            resultsTab(app, m_results);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(hand.c_str(), nullptr, showHand ? ImGuiTabItemFlags_SetSelected : 0)) {
            handTab(app, m_hand);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }

private:
    /// The run button, and while a run goes its phase, progress and a cancel button; else the
    /// last run in one line.
    static void runBar(App& app, Workspace& ws) {
        const Lang lang = app.lang();
        const bool running = ws.matching();
        ImGui::BeginDisabled(running);
        if (ImGui::Button(tr(Str::UiMatchRun, lang))) {
            if (!ws.startMatching()) app.notify(tr(Str::SessionErrMatching, lang), true);
        }
        markItem("match.run");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (running) {
            const MatchProgress p = ws.matchingProgress();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(p.phase, lang));
            ImGui::SameLine();
            const float cancelWidth = ImGui::CalcTextSize(tr(Str::UiMatchCancelRun, lang)).x +
                                      ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetStyle().ItemSpacing.x;
            char percent[16];
            std::snprintf(percent, sizeof percent, "%.0f%%", 100.0 * p.fraction);
            ImGui::ProgressBar(static_cast<float>(p.fraction),
                               ImVec2(ImGui::GetContentRegionAvail().x - cancelWidth, 0.0f), percent);
            ImGui::SameLine();
            if (ImGui::Button(tr(Str::UiMatchCancelRun, lang))) ws.cancelMatching();
            return;
        }
        const MatchOutcome* last = ws.lastMatch();
        ImGui::AlignTextToFramePadding();
        if (last == nullptr) return; // the results tab says there was no run yet
        if (last->error) {
            ImGui::TextColored(widgets::kErrorText, "%s: %s", tr(Str::UiMatchRunFailed, lang),
                               last->error->describe(lang).c_str());
        } else if (last->cancelled) {
            widgets::mutedText(tr(Str::MatchCancelled, lang));
        } else {
            const MatchStats& s = last->result.stats;
            char ms[32];
            std::snprintf(ms, sizeof ms, "%.0f", s.totalMs);
            widgets::mutedText(fillSlots(tr(Str::UiMatchLastRun, lang),
                                             {widgets::grouped(static_cast<std::int64_t>(last->proposed)),
                                              widgets::grouped(static_cast<std::int64_t>(last->kept)),
                                              widgets::grouped(static_cast<std::int64_t>(last->withdrawn)),
                                              widgets::grouped(static_cast<std::int64_t>(last->result.unmet.size())),
                                              ms})
                                   .c_str());
        }
    }

    ResultsCache m_results;
    ProposalsState m_proposals;
    HandState m_hand;
};

} // namespace

std::unique_ptr<Screen> makeMatchingScreen() { return std::make_unique<MatchingScreen>(); }

} // namespace nuanxin
