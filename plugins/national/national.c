/*
 * national: the national base every province plugin extends. The engine's built-in national
 * default already decides tiers, scores and the kind rules (core/match/policy.h); this base adds
 * what all three provincial notices share and the engine does not know: a winter safety check of
 * the civil-affairs institutions (Sichuan: 各类民政服务机构要定期开展安全检查; Hebei: 安全生产;
 * Shanxi: 确保民政服务机构安全平稳温暖), and who approves an allocation by its value.
 */
#include "nuanxin_plugin.h"

enum { SET_STAFF_MAX_YUAN = 0 };

enum {
    RULE_SAFETY_CHECK = 1,   /* one winter safety check per county's institutions */
    RULE_APPROVAL_STAFF = 2, /* up to the threshold: the charity's staff */
    RULE_APPROVAL_BUREAU = 3 /* above it: the county civil-affairs bureau */
};

static int32_t national_tasks(const nx_context* ctx, const char* county, nx_derived_list* out) {
    (void)county;
    nx_derive(out, ctx, NX_KIND_SAFETY_CHECK, NX_UNIT_VISIT, 1, RULE_SAFETY_CHECK,
              "民政服务机构冬季安全检查和隐患排查",
              "winter safety inspection of civil-affairs institutions");
    return NX_SET;
}

static int32_t national_approval(const nx_context* ctx, const nx_household_view* household,
                                 const nx_need_view* need, const nx_offer_view* offer,
                                 int64_t amount_fen, nx_approval* out) {
    const int64_t staff_max_fen = nx_setting(ctx, SET_STAFF_MAX_YUAN, 2000) * 100;
    (void)household;
    (void)need;
    (void)offer;
    out->deliver_before_approval = 0;
    if (amount_fen <= staff_max_fen) {
        out->tier = 1;
        nx_set_reason(&out->reason, ctx, RULE_APPROVAL_STAFF, "由慈善组织工作人员审批",
                      "approved by the charity's staff");
    } else {
        out->tier = 3;
        nx_set_reason(&out->reason, ctx, RULE_APPROVAL_BUREAU, "大额分配: 由县级民政部门审批",
                      "large allocation: approved by the county civil-affairs bureau");
    }
    return NX_SET;
}

static const char* const national_divisions[] = {NX_DIVISION_NATIONAL};

static const nx_plugin_info national_info = {
    sizeof(nx_plugin_info), 0,
    "national", "全国基础规则", "National base rules", "2026.1",
    national_divisions, 1, 0,
    0,
    "{\"settings\":[{\"key\":\"staff_approval_max_yuan\",\"type\":\"yuan\",\"default\":2000,"
    "\"label_zh\":\"工作人员可审批的最高金额(元)\","
    "\"label_en\":\"largest value staff may approve (yuan)\"}]}",
    0, 0, 0, national_tasks, national_approval};

NX_PLUGIN_DEFINE(national_info)
