/*
 * shanxi (140000): 山西省民政厅防范应对低温雨雪冰冻灾害.
 *   - 及时将因灾造成基本生活困难的群众纳入救助范围; 对因灾滞留人员取消户籍限制 → disaster victims
 *     and stranded people eligible for basic help whatever their registration;
 *   - 全面落实"先行救助""分级审批" → delivery before approval up to a set amount, and the approver
 *     by amount;
 *   - 因地制宜做好取暖救助工作 → heating needs of disaster victims first;
 *   - 做好分散供养人员、独居孤寡老人、留守儿童的慰问走访 → a derived visit;
 *   - 及时组织清理积雪、检修维护线路, 确保民政服务机构安全平稳温暖 → two institution tasks.
 */
#include "nuanxin_plugin.h"

enum { SET_ADVANCE_MAX_YUAN = 0, SET_TOWNSHIP_MAX_YUAN = 1, SET_COUNTY_MAX_YUAN = 2 };

enum {
    RULE_DISASTER_ELIGIBLE = 301, /* 因灾: no registration restriction */
    RULE_TIER_TOWNSHIP = 302,     /* 分级审批, three bands 302..304 */
    RULE_TIER_COUNTY = 303,
    RULE_TIER_HIGHER = 304,
    RULE_HEATING = 305,           /* 取暖救助 */
    RULE_VISIT_TEKUN = 306,       /* 分散供养人员 */
    RULE_VISIT_ELDER = 307,       /* 独居孤寡老人 */
    RULE_VISIT_CHILD = 308,       /* 留守儿童 */
    RULE_SNOW = 309,
    RULE_WIRING = 310
};

#define ELDERLY_AGE 60
#define CHILD_AGE 18

static int disaster_affected(const nx_household_view* h) {
    uint32_t i;
    if (nx_has(h->categories, NX_CAT_DISASTER_STRANDED)) return 1;
    for (i = 0; i < h->member_count; ++i) {
        if (nx_has(nx_member_at(h, i)->attributes, NX_ATTR_DISASTER_HIT)) return 1;
    }
    return 0;
}

/* Basic living help a disaster victim gets at once: cash relief, food, warmth. */
static int basic_kind(uint32_t kind) {
    return kind == NX_KIND_TEMPORARY_ASSISTANCE || kind == NX_KIND_FOOD ||
           kind == NX_KIND_DAILY_NECESSITIES || kind == NX_KIND_QUILT ||
           kind == NX_KIND_WINTER_CLOTHES || kind == NX_KIND_COAL || kind == NX_KIND_HEATER ||
           kind == NX_KIND_HEATING_SUBSIDY;
}

static int heating_kind(uint32_t kind) {
    return kind == NX_KIND_COAL || kind == NX_KIND_HEATER || kind == NX_KIND_HEATING_SUBSIDY;
}

static int cash_kind(uint32_t kind) {
    return kind == NX_KIND_TEMPORARY_ASSISTANCE || kind == NX_KIND_ONE_TIME_SUBSIDY ||
           kind == NX_KIND_HEATING_SUBSIDY;
}

static int32_t shanxi_eligibility(const nx_context* ctx, const nx_household_view* h,
                                  const nx_need_view* need, const nx_offer_view* offer,
                                  nx_eligibility* out) {
    (void)offer;
    if (!disaster_affected(h) || !basic_kind(need->kind)) return NX_KEEP;
    out->eligible = 1;
    nx_set_reason(&out->reason, ctx, RULE_DISASTER_ELIGIBLE,
                  "因灾困难群众纳入救助, 因灾滞留人员取消户籍限制",
                  "disaster victims assisted; no household-registration restriction");
    return NX_SET;
}

static int32_t shanxi_priority(const nx_context* ctx, const nx_household_view* h,
                               const nx_need_view* need, nx_priority* out) {
    if (!heating_kind(need->kind) || !disaster_affected(h)) return NX_KEEP;
    out->tier = 0;
    out->score = out->score + 10 > 100 ? 100 : out->score + 10;
    nx_add_reason(out, ctx, RULE_HEATING, "受灾困难群众取暖救助优先",
                  "heating assistance for disaster victims first");
    return NX_SET;
}

static int32_t shanxi_derived(const nx_context* ctx, const nx_household_view* h,
                              nx_derived_list* out) {
    uint32_t i;
    int32_t code = 0;
    const char* zh = "";
    const char* en = "";
    if (nx_has(h->categories, NX_CAT_TEKUN)) {
        code = RULE_VISIT_TEKUN;
        zh = "慰问走访分散供养人员";
        en = "visit to a person in extreme poverty supported at home";
    }
    for (i = 0; i < h->member_count && code == 0; ++i) {
        const nx_member_view* m = nx_member_at(h, i);
        if (m->age_years >= ELDERLY_AGE && nx_has(m->attributes, NX_ATTR_LIVES_ALONE)) {
            code = RULE_VISIT_ELDER;
            zh = "慰问走访独居孤寡老人";
            en = "visit to an elderly person living alone";
        }
    }
    for (i = 0; i < h->member_count && code == 0; ++i) {
        const nx_member_view* m = nx_member_at(h, i);
        if (m->age_years < CHILD_AGE && nx_has(m->attributes, NX_ATTR_LEFT_BEHIND)) {
            code = RULE_VISIT_CHILD;
            zh = "慰问走访留守儿童";
            en = "visit to a left-behind child";
        }
    }
    /* one visit per household: whoever the visitor came for, the others are seen too */
    if (code != 0) nx_derive(out, ctx, NX_KIND_HOME_VISIT, NX_UNIT_VISIT, 1, code, zh, en);
    return NX_SET;
}

static int32_t shanxi_approval(const nx_context* ctx, const nx_household_view* h,
                               const nx_need_view* need, const nx_offer_view* offer,
                               int64_t amount_fen, nx_approval* out) {
    const int64_t advance_max = nx_setting(ctx, SET_ADVANCE_MAX_YUAN, 1000) * 100;
    const int64_t township_max = nx_setting(ctx, SET_TOWNSHIP_MAX_YUAN, 1000) * 100;
    const int64_t county_max = nx_setting(ctx, SET_COUNTY_MAX_YUAN, 5000) * 100;
    (void)h;
    (void)offer;
    if (!cash_kind(need->kind)) return NX_KEEP;
    if (amount_fen <= township_max) {
        out->tier = 2;
        nx_set_reason(&out->reason, ctx, RULE_TIER_TOWNSHIP, "分级审批: 由乡镇(街道)审批",
                      "approval by amount: township or street office");
    } else if (amount_fen <= county_max) {
        out->tier = 3;
        nx_set_reason(&out->reason, ctx, RULE_TIER_COUNTY, "分级审批: 由县级民政部门审批",
                      "approval by amount: county civil-affairs bureau");
    } else {
        out->tier = 4;
        nx_set_reason(&out->reason, ctx, RULE_TIER_HIGHER, "分级审批: 报县级人民政府审批",
                      "approval by amount: county government");
    }
    /* 先行救助: temporary assistance up to the set amount is delivered first, approved after */
    out->deliver_before_approval =
        (need->kind == NX_KIND_TEMPORARY_ASSISTANCE && amount_fen <= advance_max) ? 1u : 0u;
    return NX_SET;
}

static int32_t shanxi_tasks(const nx_context* ctx, const char* county, nx_derived_list* out) {
    (void)county;
    nx_derive(out, ctx, NX_KIND_SNOW_CLEARING, NX_UNIT_VISIT, 1, RULE_SNOW,
              "民政服务机构及时清理积雪", "clear snow at civil-affairs institutions");
    nx_derive(out, ctx, NX_KIND_WIRING_REPAIR, NX_UNIT_VISIT, 1, RULE_WIRING,
              "民政服务机构检修维护线路", "check and repair wiring at civil-affairs institutions");
    return NX_SET;
}

static const char* const shanxi_divisions[] = {"140000"};

static const nx_plugin_info shanxi_info = {
    sizeof(nx_plugin_info), 0,
    "shanxi", "山西防范应对低温雨雪冰冻灾害", "Shanxi cold-weather disaster response", "2026.1",
    shanxi_divisions, 1, 0,
    "national",
    "{\"settings\":["
    "{\"key\":\"advance_relief_max_yuan\",\"type\":\"yuan\",\"default\":1000,"
    "\"label_zh\":\"先行救助最高金额(元)\",\"label_en\":\"help-first limit (yuan)\"},"
    "{\"key\":\"township_approval_max_yuan\",\"type\":\"yuan\",\"default\":1000,"
    "\"label_zh\":\"乡镇(街道)审批最高金额(元)\",\"label_en\":\"township approval limit (yuan)\"},"
    "{\"key\":\"county_approval_max_yuan\",\"type\":\"yuan\",\"default\":5000,"
    "\"label_zh\":\"县级民政部门审批最高金额(元)\",\"label_en\":\"county bureau approval limit (yuan)\"}]}",
    shanxi_eligibility, shanxi_priority, shanxi_derived, shanxi_tasks, shanxi_approval};

NX_PLUGIN_DEFINE(shanxi_info)
