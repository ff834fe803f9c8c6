/*
 * hebei (130000): 河北省民政厅"寒冬送温暖"专项救助行动.
 *   - 重点关注严寒冰雪、气温骤降、夜间凌晨等特殊时段 → a cold-spell setting (dates, or a
 *     forecast minimum against a threshold) that raises street rescue and night patrols;
 *   - 切实做好街面巡查救助 → homeless people found on the street are served without an address;
 *   - 救助管理机构"五个清单" (安全主体责任体系、安全检查事项、安全风险隐患、问题整改清单、
 *     安全制度标准) against 火灾、呼吸道传染病、极寒天气 → five derived tasks per county.
 */
#include "nuanxin_plugin.h"

enum {
    SET_COLD_START = 0,     /* date, null: no dated cold spell */
    SET_COLD_END = 1,       /* date */
    SET_FORECAST_MIN_C = 2, /* int, null: no forecast */
    SET_COLD_THRESHOLD_C = 3
};

enum {
    RULE_COLD_STREET = 201,    /* cold spell: street rescue of homeless people first */
    RULE_COLD_WARMTH = 202,    /* cold spell: heating and warm goods score higher */
    RULE_NIGHT_PATROL = 203,   /* cold spell: night and early-morning patrol */
    RULE_NO_ADDRESS_OK = 204,  /* homeless: goods and cash without an address */
    RULE_NO_ADDRESS_HOME = 205,/* homeless: work at a dwelling needs one */
    RULE_CHECKLIST = 206       /* 五个清单, codes 206..210 */
};

static int cold_spell(const nx_context* ctx) {
    const int64_t start = nx_setting(ctx, SET_COLD_START, NX_UNSET);
    const int64_t end = nx_setting(ctx, SET_COLD_END, NX_UNSET);
    const int64_t forecast = nx_setting(ctx, SET_FORECAST_MIN_C, NX_UNSET);
    const int64_t threshold = nx_setting(ctx, SET_COLD_THRESHOLD_C, -10);
    if (start != NX_UNSET && end != NX_UNSET && start <= ctx->as_of_days && ctx->as_of_days <= end) {
        return 1;
    }
    return forecast != NX_UNSET && threshold != NX_UNSET && forecast <= threshold;
}

static int warmth_kind(uint32_t kind) {
    return kind == NX_KIND_COAL || kind == NX_KIND_HEATER || kind == NX_KIND_HEATING_SUBSIDY ||
           kind == NX_KIND_QUILT || kind == NX_KIND_WINTER_CLOTHES;
}

/* Help that is carried to a person (goods, cash, a check on them) rather than done at a home. */
static int portable_kind(uint32_t kind) {
    return kind == NX_KIND_QUILT || kind == NX_KIND_WINTER_CLOTHES || kind == NX_KIND_FOOD ||
           kind == NX_KIND_DAILY_NECESSITIES || kind == NX_KIND_TEMPORARY_ASSISTANCE ||
           kind == NX_KIND_MEDICAL_AID || kind == NX_KIND_HOME_VISIT;
}

static int dwelling_kind(uint32_t kind) {
    return kind == NX_KIND_COAL || kind == NX_KIND_HEATER || kind == NX_KIND_HOME_CARE_BED ||
           kind == NX_KIND_HOME_ADAPTATION || kind == NX_KIND_SNOW_CLEARING ||
           kind == NX_KIND_WIRING_REPAIR;
}

static int32_t hebei_eligibility(const nx_context* ctx, const nx_household_view* h,
                                 const nx_need_view* need, const nx_offer_view* offer,
                                 nx_eligibility* out) {
    (void)offer;
    if (!nx_has(h->categories, NX_CAT_HOMELESS) || h->has_address) return NX_KEEP;
    if (portable_kind(need->kind)) {
        out->eligible = 1;
        nx_set_reason(&out->reason, ctx, RULE_NO_ADDRESS_OK,
                      "街面巡查发现的流浪乞讨人员, 无需住址即可救助",
                      "homeless person found by a street patrol: no address needed");
        return NX_SET;
    }
    if (dwelling_kind(need->kind)) {
        out->eligible = 0;
        nx_set_reason(&out->reason, ctx, RULE_NO_ADDRESS_HOME,
                      "无固定住所, 该类帮扶须在住处实施",
                      "no dwelling: this help is given at a home");
        return NX_SET;
    }
    return NX_KEEP;
}

static int32_t hebei_priority(const nx_context* ctx, const nx_household_view* h,
                              const nx_need_view* need, nx_priority* out) {
    int32_t result = NX_KEEP;
    if (!cold_spell(ctx)) return NX_KEEP;
    if (nx_has(h->categories, NX_CAT_HOMELESS)) {
        out->tier = 0;
        out->score = out->score + 30 > 100 ? 100 : out->score + 30;
        nx_add_reason(out, ctx, RULE_COLD_STREET, "严寒时段: 街面流浪乞讨人员优先救助",
                      "cold spell: homeless people on the street first");
        result = NX_SET;
    }
    if (warmth_kind(need->kind)) {
        out->score = out->score + 10 > 100 ? 100 : out->score + 10;
        nx_add_reason(out, ctx, RULE_COLD_WARMTH, "严寒时段: 取暖和御寒物资优先",
                      "cold spell: heating and warm goods first");
        result = NX_SET;
    }
    return result;
}

static int32_t hebei_derived(const nx_context* ctx, const nx_household_view* h,
                             nx_derived_list* out) {
    if (cold_spell(ctx) && nx_has(h->categories, NX_CAT_HOMELESS)) {
        if (nx_derive(out, ctx, NX_KIND_HOME_VISIT, NX_UNIT_VISIT, 1, RULE_NIGHT_PATROL,
                      "严寒时段夜间凌晨街面巡查探视",
                      "cold spell: night and early-morning street patrol visit")) {
            nx_derived_at(out, out->count - 1)->urgency = NX_URGENCY_URGENT;
        }
    }
    return NX_SET;
}

static int32_t hebei_tasks(const nx_context* ctx, const char* county, nx_derived_list* out) {
    static const char* const zh[5] = {
        "救助管理机构安全主体责任体系清单", "救助管理机构安全检查事项清单",
        "救助管理机构安全风险隐患清单", "救助管理机构问题整改清单",
        "救助管理机构安全制度标准清单"};
    static const char* const en[5] = {
        "rescue institution: safety responsibility checklist",
        "rescue institution: safety inspection items checklist",
        "rescue institution: safety risks checklist",
        "rescue institution: rectification checklist",
        "rescue institution: safety rules and standards checklist"};
    int32_t i;
    (void)county;
    for (i = 0; i < 5; ++i) {
        nx_derive(out, ctx, NX_KIND_SAFETY_CHECK, NX_UNIT_VISIT, 1, RULE_CHECKLIST + i, zh[i], en[i]);
    }
    return NX_SET;
}

static const char* const hebei_divisions[] = {"130000"};

static const nx_plugin_info hebei_info = {
    sizeof(nx_plugin_info), 0,
    "hebei", "河北\"寒冬送温暖\"专项救助行动", "Hebei winter rescue campaign", "2026.1",
    hebei_divisions, 1, 0,
    "national",
    "{\"settings\":["
    "{\"key\":\"cold_spell_start\",\"type\":\"date\",\"default\":null,"
    "\"label_zh\":\"严寒时段开始日期\",\"label_en\":\"cold spell from\"},"
    "{\"key\":\"cold_spell_end\",\"type\":\"date\",\"default\":null,"
    "\"label_zh\":\"严寒时段结束日期\",\"label_en\":\"cold spell until\"},"
    "{\"key\":\"forecast_min_temp_c\",\"type\":\"int\",\"default\":null,"
    "\"label_zh\":\"预报最低气温(°C)\",\"label_en\":\"forecast minimum temperature (°C)\"},"
    "{\"key\":\"cold_threshold_c\",\"type\":\"int\",\"default\":-10,"
    "\"label_zh\":\"严寒阈值(°C, 最低气温不高于此值即为严寒时段)\","
    "\"label_en\":\"cold threshold (°C): a forecast at or below it is a cold spell\"}]}",
    hebei_eligibility, hebei_priority, hebei_derived, hebei_tasks, 0};

NX_PLUGIN_DEFINE(hebei_info)
