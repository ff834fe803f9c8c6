/*
 * sichuan (510000): 四川省民政厅《困难群众温暖过冬专项行动方案》.
 *   - 密切关注低保对象、特困人员、低保边缘家庭、防止返贫监测对象、刚性支出困难家庭及其他低收入人口中
 *     在校接受教育、年老、残疾、生活不能自理、患有重大疾病、受灾影响比较严重等群众 → priority;
 *   - 有条件的地方可以向低保对象、特困人员发放一次性生活补贴 → a derived need, off by default;
 *   - "爱心敲门"居家上门关爱服务 for 特殊困难老年人 → a derived home visit;
 *   - 财政支持经济困难失能老年人集中照护, "需托尽托" → residential care the government pays for
 *     only for them (care paid by a charity, an enterprise or a person is not bound by it), and
 *     priority for them whoever pays;
 *   - 刚性支出较大导致基本生活暂时出现严重困难的 → 临时救助, 在急难发生地实施 (the household's
 *     present county, whatever its registration).
 */
#include "nuanxin_plugin.h"

enum { SET_SUBSIDY_ON = 0, SET_SUBSIDY_YUAN = 1 };

enum {
    RULE_FOCUS = 101,             /* 重点关注对象: tier 1 at least, +15 */
    RULE_SUBSIDY = 102,           /* 一次性生活补贴 */
    RULE_LOVE_KNOCK = 103,        /* 爱心敲门 */
    RULE_CARE_ELIGIBLE = 104,     /* 需托尽托: residential care for the disabled elderly */
    RULE_CARE_REFUSED = 105,
    RULE_TEMP_ELIGIBLE = 106,     /* 临时救助 at the place of hardship */
    RULE_TEMP_REFUSED = 107
};

#define ELDERLY_AGE 60
#define LOW_INCOME_MASK                                                                         \
    ((1u << NX_CAT_DIBAO) | (1u << NX_CAT_TEKUN) | (1u << NX_CAT_DIBAO_EDGE) |                  \
     (1u << NX_CAT_MONITORED) | (1u << NX_CAT_RIGID_EXPENSE) | (1u << NX_CAT_OTHER_LOW_INCOME))

/* A member in one of the notice's focus situations (在校, 年老, 残疾, 不能自理, 重病, 受灾). */
static int focus_member(const nx_member_view* m) {
    const uint32_t a = m->attributes;
    return m->age_years >= ELDERLY_AGE || nx_has(a, NX_ATTR_IN_SCHOOL) ||
           nx_has(a, NX_ATTR_DISABLED) || nx_has(a, NX_ATTR_CANNOT_SELF_CARE) ||
           nx_has(a, NX_ATTR_SERIOUS_ILLNESS) || nx_has(a, NX_ATTR_DISASTER_HIT);
}

/* 特殊困难老年人: 60 or older and living alone, disabled, dependent or seriously ill. */
static int special_difficulty_elder(const nx_member_view* m) {
    const uint32_t a = m->attributes;
    return m->age_years >= ELDERLY_AGE &&
           (nx_has(a, NX_ATTR_LIVES_ALONE) || nx_has(a, NX_ATTR_DISABLED) ||
            nx_has(a, NX_ATTR_CANNOT_SELF_CARE) || nx_has(a, NX_ATTR_SERIOUS_ILLNESS));
}

/* 经济困难失能老年人: a low-income household with a member 60+ who cannot look after themselves. */
static int struggling_disabled_elder(const nx_household_view* h) {
    uint32_t i;
    if ((h->categories & LOW_INCOME_MASK) == 0) return 0;
    for (i = 0; i < h->member_count; ++i) {
        const nx_member_view* m = nx_member_at(h, i);
        if (m->age_years >= ELDERLY_AGE && nx_has(m->attributes, NX_ATTR_CANNOT_SELF_CARE)) return 1;
    }
    return 0;
}

/* 刚性支出困难 (教育、医疗、受灾、取暖): the category, or a member in school, seriously ill or hit. */
static int rigid_hardship(const nx_household_view* h) {
    uint32_t i;
    if (nx_has(h->categories, NX_CAT_RIGID_EXPENSE)) return 1;
    for (i = 0; i < h->member_count; ++i) {
        const uint32_t a = nx_member_at(h, i)->attributes;
        if (nx_has(a, NX_ATTR_SERIOUS_ILLNESS) || nx_has(a, NX_ATTR_DISASTER_HIT) ||
            nx_has(a, NX_ATTR_IN_SCHOOL)) {
            return 1;
        }
    }
    return 0;
}

static int32_t sichuan_eligibility(const nx_context* ctx, const nx_household_view* h,
                                   const nx_need_view* need, const nx_offer_view* offer,
                                   nx_eligibility* out) {
    if (need->kind == NX_KIND_RESIDENTIAL_CARE) {
        /* The notice's care programme is 财政支持 (government-funded): it binds the places the
         * government pays for. An offer whose donor the host does not know may be such a place,
         * so it is bound too; other donors' places keep the inherited answer. */
        if (offer->donor_type != NX_DONOR_GOVERNMENT && offer->donor_type != NX_DONOR_UNKNOWN) {
            return NX_KEEP;
        }
        if (struggling_disabled_elder(h)) {
            out->eligible = 1;
            nx_set_reason(&out->reason, ctx, RULE_CARE_ELIGIBLE,
                          "经济困难失能老年人集中照护, 需托尽托",
                          "residential care for economically struggling disabled elderly");
        } else {
            out->eligible = 0;
            nx_set_reason(&out->reason, ctx, RULE_CARE_REFUSED,
                          "财政支持的集中照护限经济困难失能老年人",
                          "government-funded residential care only for economically struggling "
                          "disabled elderly");
        }
        return NX_SET;
    }
    if (need->kind == NX_KIND_TEMPORARY_ASSISTANCE) {
        if (rigid_hardship(h)) {
            out->eligible = 1;
            nx_set_reason(&out->reason, ctx, RULE_TEMP_ELIGIBLE,
                          "刚性支出导致生活严重困难, 在急难发生地实施临时救助",
                          "hardship from unavoidable expenses: temporary assistance where it arose");
        } else {
            out->eligible = 0;
            nx_set_reason(&out->reason, ctx, RULE_TEMP_REFUSED,
                          "临时救助限教育、医疗、受灾、取暖等刚性支出导致的困难",
                          "temporary assistance only for hardship from unavoidable expenses");
        }
        return NX_SET;
    }
    return NX_KEEP;
}

static int32_t sichuan_priority(const nx_context* ctx, const nx_household_view* h,
                                const nx_need_view* need, nx_priority* out) {
    uint32_t i;
    int focus = 0;
    int32_t result = NX_KEEP;
    if ((h->categories & LOW_INCOME_MASK) != 0) {
        for (i = 0; i < h->member_count; ++i) focus |= focus_member(nx_member_at(h, i));
    }
    if (focus) {
        if (out->tier > 1) out->tier = 1;
        out->score = out->score + 15 > 100 ? 100 : out->score + 15;
        nx_add_reason(out, ctx, RULE_FOCUS,
                      "重点关注: 低收入人口中的在校、年老、残疾、不能自理、重病或受灾严重者",
                      "focus: low-income with a pupil, elderly, disabled, dependent, ill or hit member");
        result = NX_SET;
    }
    if (need->kind == NX_KIND_RESIDENTIAL_CARE && struggling_disabled_elder(h)) {
        out->tier = 0;
        nx_add_reason(out, ctx, RULE_CARE_ELIGIBLE, "经济困难失能老年人需托尽托",
                      "every struggling disabled elder who needs care gets it");
        result = NX_SET;
    }
    return result;
}

static int32_t sichuan_derived(const nx_context* ctx, const nx_household_view* h,
                               nx_derived_list* out) {
    uint32_t i;
    const int64_t yuan = nx_setting(ctx, SET_SUBSIDY_YUAN, 0);
    if (nx_setting(ctx, SET_SUBSIDY_ON, 0) != 0 && yuan > 0 &&
        (nx_has(h->categories, NX_CAT_DIBAO) || nx_has(h->categories, NX_CAT_TEKUN))) {
        nx_derive(out, ctx, NX_KIND_ONE_TIME_SUBSIDY, NX_UNIT_YUAN, yuan, RULE_SUBSIDY,
                  "向低保对象、特困人员发放一次性生活补贴",
                  "one-time living subsidy for dibao and tekun recipients");
    }
    if (h->categories != 0) {
        for (i = 0; i < h->member_count; ++i) {
            if (special_difficulty_elder(nx_member_at(h, i))) {
                nx_derive(out, ctx, NX_KIND_HOME_VISIT, NX_UNIT_VISIT, 1, RULE_LOVE_KNOCK,
                          "\"爱心敲门\"居家上门关爱服务: 特殊困难老年人",
                          "\"love knock\" home visit: elderly with special difficulties");
                break;
            }
        }
    }
    return NX_SET;
}

static const char* const sichuan_divisions[] = {"510000"};

static const nx_plugin_info sichuan_info = {
    sizeof(nx_plugin_info), 0,
    "sichuan", "四川困难群众温暖过冬专项行动", "Sichuan winter warmth campaign", "2026.1",
    sichuan_divisions, 1, 0,
    "national",
    "{\"settings\":["
    "{\"key\":\"one_time_subsidy\",\"type\":\"bool\",\"default\":false,"
    "\"label_zh\":\"发放一次性生活补贴(有条件的地方)\",\"label_en\":\"pay a one-time living subsidy\"},"
    "{\"key\":\"one_time_subsidy_yuan\",\"type\":\"yuan\",\"default\":500,"
    "\"label_zh\":\"一次性生活补贴金额(元)\",\"label_en\":\"one-time subsidy amount (yuan)\"}]}",
    sichuan_eligibility, sichuan_priority, sichuan_derived, 0, 0};

NX_PLUGIN_DEFINE(sichuan_info)
