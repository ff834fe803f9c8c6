#pragma once
// Private to the donors and offers screen (offers*.cpp): its state between frames and the parts
// each file draws. Row orders are rebuilt when the workspace revision, a filter or the sort
// changes, never per frame.
#include <cstdint>
#include <string>
#include <vector>

#include "core/session/workspace.h"
#include "core/view/offer_form.h"
#include "core/view/offer_rows.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {

class OffersScreen final : public Screen {
public:
    void draw(App& app) override;

private:
    // offers.cpp: caches, tabs, filter bars.
    void refresh(App& app);
    void drawOffersTab(App& app);
    void drawDonorsTab(App& app);
    // offers_table.cpp
    void drawOfferTable(App& app, float height);
    void drawDonorTable(App& app);
    // offers_detail.cpp
    void drawDetail(App& app);
    void drawAllocations(App& app, std::uint32_t row);
    void exportDistribution(App& app, const Offer& offer);
    // offers_form.cpp
    void openOfferForm(App& app, const Offer* offer);
    void drawOfferForm(App& app);
    void drawDonorPicker(App& app);
    void saveOffer(App& app);
    void openDonorForm();
    void drawDonorForm(App& app);
    void saveDonor(App& app);

    /// The selected offer's position in Dataset::offers, or -1.
    [[nodiscard]] long selectedRow(const Workspace& ws) const;

    // ---- caches ----
    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    OfferTable m_table;
    std::vector<std::uint32_t> m_rows;       ///< positions in Dataset::offers, shown order
    std::vector<std::uint32_t> m_donorRows;  ///< positions in Dataset::donors, shown order
    bool m_rowsDirty = true;
    bool m_donorRowsDirty = true;

    // ---- filters ----
    OfferQuery m_query;
    int m_kind = -1;   ///< -1: all
    int m_status = -1; ///< -1: all
    std::string m_search;
    std::string m_donorSearch;

    // ---- selection ----
    OfferId m_selected = 0;

    // ---- forms ----
    bool m_openOfferForm = false;
    OfferDraft m_draft;
    FormErrors m_offerErrors;
    std::string m_donorFilter; ///< the donor picker's filter text
    bool m_openDonorForm = false;
    DonorDraft m_donorDraft;
    FormErrors m_donorErrors;
};

} // namespace nuanxin
