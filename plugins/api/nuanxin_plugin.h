/*
 * nuanxin_plugin.h: the region plugin ABI of nuanxin (暖心). Plain C (C99/C11 and C++), the only
 * file a region's vendor needs. A plugin is a native shared library (.so, loaded with dlopen) or an
 * Emscripten side module (.so built with -sSIDE_MODULE, loaded by the browser app); the built-in
 * plugins are the same sources compiled into the app.
 *
 * What a plugin exports (two symbols, both required):
 *   uint32_t              nuanxin_plugin_abi(void);       NX_PLUGIN_ABI_VERSION it was built with
 *   const nx_plugin_info* nuanxin_plugin_describe(void);  its description and callbacks
 * Write them with NX_PLUGIN_DEFINE(info) at the end of the plugin's one source file.
 *
 * Versioning: the host refuses a plugin whose major version differs from its own, and one whose
 * minor version is newer than its own. A minor version only appends fields at the end of structs;
 * every struct starts with struct_size, so both sides know how much the other one filled.
 *
 * Ownership, once for all:
 *   - Everything a plugin returns from nuanxin_plugin_describe() (the info struct, its strings,
 *     its arrays) is owned by the plugin, must be static (or at least live until the plugin is
 *     unloaded) and is never written by the host.
 *   - Everything the host passes to a callback (context, views, output structs, text buffers) is
 *     owned by the host and valid only during that call. A plugin must not keep pointers to it.
 *   - Callbacks write their answers into host-owned output structs and fixed-size text buffers
 *     (NX_TEXT_BYTES); the plugin never allocates. A plugin needs no libc at all: nx_set_text()
 *     below copies strings without it.
 *   - Strings are UTF-8 and NUL-terminated. Texts the plugin writes are truncated at a character
 *     boundary to fit; they are in the language the host asks for (nx_context.lang).
 *
 * Callbacks must be pure functions of their arguments (no clocks, no globals that change): the
 * same data must give the same matches on the desktop and in the browser.
 */
#ifndef NUANXIN_PLUGIN_H
#define NUANXIN_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief ABI major version: changes break compatibility; the host refuses any other major. */
#define NX_PLUGIN_ABI_MAJOR 1u
/** @brief ABI minor version: appended fields; the host refuses a plugin with a newer minor. */
#define NX_PLUGIN_ABI_MINOR 0u
/** @brief What nuanxin_plugin_abi() returns: major in the high 16 bits, minor in the low 16. */
#define NX_PLUGIN_ABI_VERSION ((NX_PLUGIN_ABI_MAJOR << 16) | NX_PLUGIN_ABI_MINOR)

/** @brief Bytes of every text buffer the host hands to a plugin, terminating NUL included. */
#define NX_TEXT_BYTES 192u
/** @brief "Not set" for an integer setting or a date (e.g. a setting whose default is null). */
#define NX_UNSET INT64_MIN
/** @brief The division code that stands for the whole country (GB/T 2260: 100000). */
#define NX_DIVISION_NATIONAL "100000"

/* ---- Enumerations: their numbers equal nuanxin's own (stored in files; append only). ---- */

/** @brief Household categories (对象类别), as bit positions in nx_household_view.categories. */
enum nx_category {
    NX_CAT_DIBAO = 0,             /**< 低保对象 minimum-living-guarantee recipients */
    NX_CAT_TEKUN = 1,             /**< 特困人员 extreme poverty (分散供养 when at home) */
    NX_CAT_DIBAO_EDGE = 2,        /**< 低保边缘家庭 */
    NX_CAT_MONITORED = 3,         /**< 防止返贫监测对象 */
    NX_CAT_RIGID_EXPENSE = 4,     /**< 刚性支出困难家庭 */
    NX_CAT_OTHER_LOW_INCOME = 5,  /**< 其他低收入人口 */
    NX_CAT_HOMELESS = 6,          /**< 流浪乞讨人员 */
    NX_CAT_DISASTER_STRANDED = 7  /**< 因灾滞留人员 */
};

/** @brief Per-person attributes, as bit positions in nx_member_view.attributes. */
enum nx_attribute {
    NX_ATTR_DISABLED = 0,         /**< 残疾 */
    NX_ATTR_SERIOUS_ILLNESS = 1,  /**< 患有重大疾病 */
    NX_ATTR_IN_SCHOOL = 2,        /**< 在校接受教育 */
    NX_ATTR_CANNOT_SELF_CARE = 3, /**< 生活不能自理 (失能) */
    NX_ATTR_LIVES_ALONE = 4,      /**< 独居 */
    NX_ATTR_ORPHAN = 5,           /**< 孤儿 */
    NX_ATTR_LEFT_BEHIND = 6,      /**< 留守儿童 */
    NX_ATTR_UNSUPPORTED = 7,      /**< 事实无人抚养儿童 */
    NX_ATTR_DISASTER_HIT = 8      /**< 受灾影响比较严重 */
};

/** @brief What is needed or offered (nx_need_view.kind, nx_offer_view.kind). */
enum nx_kind {
    NX_KIND_COAL = 0, NX_KIND_HEATER, NX_KIND_HEATING_SUBSIDY, NX_KIND_QUILT,
    NX_KIND_WINTER_CLOTHES, NX_KIND_FOOD, NX_KIND_DAILY_NECESSITIES, NX_KIND_ONE_TIME_SUBSIDY,
    NX_KIND_TEMPORARY_ASSISTANCE, NX_KIND_MEDICAL_AID, NX_KIND_EDUCATION_AID, NX_KIND_HOME_VISIT,
    NX_KIND_HOME_CARE_BED, NX_KIND_HOME_ADAPTATION, NX_KIND_RESIDENTIAL_CARE, NX_KIND_SAFETY_CHECK,
    NX_KIND_SNOW_CLEARING, NX_KIND_WIRING_REPAIR
};

/** @brief Units of a quantity: one per kind (coal in kg, subsidies in yuan, visits ...). */
enum nx_unit { NX_UNIT_KG = 0, NX_UNIT_PIECE, NX_UNIT_YUAN, NX_UNIT_VISIT };

/** @brief How urgent a need is. */
enum nx_urgency { NX_URGENCY_NORMAL = 0, NX_URGENCY_URGENT, NX_URGENCY_CRITICAL };

/** @brief Who gives (nx_offer_view.donor_type); NX_DONOR_UNKNOWN when the donor is not known. */
enum nx_donor_type {
    NX_DONOR_CHARITY = 0, NX_DONOR_ENTERPRISE, NX_DONOR_INDIVIDUAL, NX_DONOR_GOVERNMENT,
    NX_DONOR_UNKNOWN = 255
};

/** @brief Language of the texts a plugin writes (nx_context.lang). */
enum nx_lang { NX_LANG_ZH = 0, NX_LANG_EN = 1 };

/** @brief What a callback returns. */
enum nx_result {
    NX_KEEP = 0,    /**< no opinion: the host ignores the output and keeps the inherited answer */
    NX_SET = 1,     /**< the output struct holds this plugin's answer */
    NX_ERROR = -1   /**< the plugin failed: the host logs it and keeps the inherited answer */
};

/* ---- What the host passes in (host-owned, read-only, valid during the call) ---- */

/** @brief The call's context: campaign date, language, this plugin's settings. */
typedef struct nx_context {
    uint32_t struct_size;     /**< sizeof(nx_context) of the host */
    uint32_t lang;            /**< enum nx_lang: language of texts to write */
    int64_t as_of_days;       /**< campaign reference date, days since 1970-01-01 */
    /** This plugin's setting values, in the order of its schema's "settings" array: booleans
     *  0/1, integers and yuan as they are, dates in days since 1970-01-01, NX_UNSET when unset.
     *  The host always passes every setting the schema declares (defaults filled in). */
    const int64_t* settings;
    uint32_t setting_count;   /**< number of values in settings */
    uint32_t reserved;        /**< 0 */
} nx_context;

/** @brief One member of a household. */
typedef struct nx_member_view {
    uint32_t struct_size;     /**< sizeof(nx_member_view) of the host */
    uint32_t attributes;      /**< bit set of enum nx_attribute */
    int32_t age_years;        /**< whole years on the campaign date */
    uint32_t sex;             /**< 0 female, 1 male */
} nx_member_view;

/** @brief A household, without its personal data (no names, ID numbers, address, phone). */
typedef struct nx_household_view {
    uint32_t struct_size;     /**< sizeof(nx_household_view) of the host */
    uint32_t categories;      /**< bit set of enum nx_category */
    char division_code[8];    /**< 6-digit county code where the household is, NUL-terminated */
    uint32_t has_address;     /**< 1 when a dwelling address is known (0: e.g. found on the street) */
    uint32_t consent;         /**< 1 when it agreed that charities may see its data */
    /** Members: member_count structs, member_stride bytes apart (the host's struct may be larger
     *  than the plugin's: always step with nx_member_at()). */
    const nx_member_view* members;
    uint32_t member_count;
    uint32_t member_stride;
} nx_household_view;

/** @brief A need of a household. */
typedef struct nx_need_view {
    uint32_t struct_size;     /**< sizeof(nx_need_view) of the host */
    uint32_t kind;            /**< enum nx_kind */
    uint32_t unit;            /**< enum nx_unit */
    uint32_t urgency;         /**< enum nx_urgency */
    int64_t quantity;         /**< in the unit */
    int64_t deadline_days;    /**< days since 1970-01-01 */
} nx_need_view;

/** @brief An offer of a donor. */
typedef struct nx_offer_view {
    uint32_t struct_size;     /**< sizeof(nx_offer_view) of the host */
    uint32_t kind;            /**< enum nx_kind */
    uint32_t unit;            /**< enum nx_unit */
    uint32_t donor_type;      /**< enum nx_donor_type */
    int64_t capacity;         /**< units */
    int64_t unit_value_fen;   /**< value of one unit in fen (0.01 yuan); 0 when unknown */
    int64_t window_start_days;
    int64_t window_end_days;
    uint32_t target_groups;   /**< bit set of enum nx_category; 0 = everyone */
    uint32_t reserved;        /**< 0 */
} nx_offer_view;

/* ---- What a plugin writes (host-owned, prefilled with the inherited answer) ---- */

/** @brief One reason behind an answer: the plugin's own code and text. */
typedef struct nx_reason {
    int32_t code;             /**< plugin-defined, stable (auditors and tests read it) */
    char text[NX_TEXT_BYTES]; /**< UTF-8 explanation in nx_context.lang */
} nx_reason;

/** @brief Eligibility of (household, need, offer). Prefilled with the inherited answer. */
typedef struct nx_eligibility {
    uint32_t struct_size;     /**< sizeof(nx_eligibility) of the host */
    uint32_t eligible;        /**< 1 eligible, 0 not */
    nx_reason reason;         /**< the rule that decided (written with NX_SET) */
} nx_eligibility;

/** @brief Priority of a need. tier/score prefilled with the inherited answer; reasons empty. */
typedef struct nx_priority {
    uint32_t struct_size;     /**< sizeof(nx_priority) of the host */
    int32_t tier;             /**< 0 = served first; 0..7 */
    int32_t score;            /**< within a tier, higher first; 0..100 */
    uint32_t reason_count;    /**< reasons written so far (the plugin appends, up to reason_capacity) */
    uint32_t reason_capacity; /**< room in reasons[] */
    uint32_t reserved;
    nx_reason* reasons;       /**< host-owned array of reason_capacity entries */
} nx_priority;

/** @brief A need a plugin creates by itself (a one-time subsidy, a home visit, a safety task). */
typedef struct nx_derived_need {
    uint32_t kind;            /**< enum nx_kind */
    uint32_t unit;            /**< enum nx_unit: the kind's own unit */
    uint32_t urgency;         /**< enum nx_urgency */
    uint32_t reserved;
    int64_t quantity;         /**< in the unit, > 0 */
    int64_t deadline_days;    /**< days since 1970-01-01; NX_UNSET: the host picks the campaign's */
    nx_reason reason;         /**< why it is needed */
} nx_derived_need;

/** @brief Output list of derived needs: the plugin appends, up to capacity. */
typedef struct nx_derived_list {
    uint32_t struct_size;     /**< sizeof(nx_derived_list) of the host */
    uint32_t count;           /**< entries written (starts at 0) */
    uint32_t capacity;        /**< room in items[] */
    uint32_t item_size;       /**< sizeof(nx_derived_need) of the host: step with nx_derived_at() */
    nx_derived_need* items;   /**< host-owned */
} nx_derived_list;

/** @brief Who must approve an allocation. Prefilled with the inherited answer. */
typedef struct nx_approval {
    uint32_t struct_size;     /**< sizeof(nx_approval) of the host */
    int32_t tier;             /**< 0 none needed, 1 the charity's staff, 2 township/street office,
                                   3 county civil-affairs bureau, 4 higher; higher = more senior */
    uint32_t deliver_before_approval; /**< 1: may be delivered first, paperwork after (先行救助) */
    uint32_t reserved;
    nx_reason reason;         /**< the approver and the rule, as text */
} nx_approval;

/* ---- The description a plugin returns (plugin-owned, static) ---- */

/** @brief A plugin: identity, what it governs, its settings and its callbacks. Callbacks may be
 *  NULL (no opinion). Every callback returns enum nx_result. */
typedef struct nx_plugin_info {
    uint32_t struct_size;     /**< sizeof(nx_plugin_info) the plugin was built with */
    uint32_t reserved;        /**< 0 */
    const char* id;           /**< stable, unique, [a-z0-9_-]+, e.g. "sichuan" */
    const char* name_zh;      /**< display name in Chinese */
    const char* name_en;      /**< display name in English */
    const char* version;      /**< the plugin's own version, e.g. "2026.1" */
    const char* const* divisions; /**< governed division codes (2, 4 or 6 digits, or padded to 6;
                                       NX_DIVISION_NATIONAL for the whole country) */
    uint32_t division_count;
    uint32_t reserved2;
    const char* extends;      /**< id of the plugin this one extends (asked first), or NULL */
    /** Settings schema, JSON: {"settings":[{"key":"subsidy_yuan","type":"yuan","default":500,
     *  "label_zh":"...","label_en":"..."}, ...]}; type is one of bool, int, yuan, date ("YYYY-MM-DD"
     *  or null). Values reach the callbacks in this order (nx_context.settings). NULL: none. */
    const char* settings_schema;

    /** Extra eligibility rules for (household, need, offer); `out` holds the inherited answer. */
    int32_t (*eligibility)(const nx_context* ctx, const nx_household_view* household,
                           const nx_need_view* need, const nx_offer_view* offer,
                           nx_eligibility* out);
    /** Tier and score of a need; `out` holds the inherited tier and score, reasons empty. */
    int32_t (*priority)(const nx_context* ctx, const nx_household_view* household,
                        const nx_need_view* need, nx_priority* out);
    /** Needs this region creates for a household by itself; appended after the inherited ones. */
    int32_t (*derived_needs)(const nx_context* ctx, const nx_household_view* household,
                             nx_derived_list* out);
    /** Tasks for the civil-affairs institutions of a county (safety checks ...), not tied to a
     *  household; appended after the inherited ones. `county` is 6 digits. */
    int32_t (*institution_tasks)(const nx_context* ctx, const char* county, nx_derived_list* out);
    /** Who approves giving `amount_fen` (quantity x unit value) of `offer` to `need`. */
    int32_t (*approval)(const nx_context* ctx, const nx_household_view* household,
                        const nx_need_view* need, const nx_offer_view* offer, int64_t amount_fen,
                        nx_approval* out);
} nx_plugin_info;

/** @brief Bytes of nx_plugin_info in ABI 1.0 (up to and with `approval`): the host refuses a
 *  plugin whose struct_size is smaller. Stays the same when later minors append fields. */
#define NX_PLUGIN_INFO_SIZE_1_0                                                                  \
    ((uint32_t)(offsetof(nx_plugin_info, approval) + sizeof(((nx_plugin_info*)0)->approval)))

/* ---- Helpers (static inline, no libc) ---- */

/** @brief True when bit `bit` is set in `bits`. */
static inline int nx_has(uint32_t bits, unsigned bit) { return (int)((bits >> bit) & 1u); }

/** @brief Member i of a household, stepping by the host's stride. */
static inline const nx_member_view* nx_member_at(const nx_household_view* h, uint32_t i) {
    return (const nx_member_view*)(const void*)((const unsigned char*)(const void*)h->members +
                                                 (uint64_t)i * h->member_stride);
}

/** @brief Entry i of a derived list, stepping by the host's item size. */
static inline nx_derived_need* nx_derived_at(nx_derived_list* list, uint32_t i) {
    return (nx_derived_need*)(void*)((unsigned char*)(void*)list->items +
                                     (uint64_t)i * list->item_size);
}

/** @brief Setting `index` of the context, or `fallback` when the host passed fewer. */
static inline int64_t nx_setting(const nx_context* ctx, uint32_t index, int64_t fallback) {
    return index < ctx->setting_count ? ctx->settings[index] : fallback;
}

/** @brief Copies UTF-8 `src` into `dst` of `cap` bytes, NUL-terminated, cut at a character
 *  boundary when too long. */
static inline void nx_set_text(char* dst, uint32_t cap, const char* src) {
    uint32_t n = 0;
    if (cap == 0) return;
    while (src && src[n] != '\0' && n + 1 < cap) ++n;
    /* never end inside a multi-byte character: back off over continuation bytes */
    if (src && src[n] != '\0') {
        while (n > 0 && (((unsigned char)src[n]) & 0xC0u) == 0x80u) --n;
    }
    for (uint32_t i = 0; i < n; ++i) dst[i] = src[i];
    dst[n] = '\0';
}

/** @brief Writes a reason: `code` and the text in the context's language. */
static inline void nx_set_reason(nx_reason* r, const nx_context* ctx, int32_t code,
                                 const char* zh, const char* en) {
    r->code = code;
    nx_set_text(r->text, NX_TEXT_BYTES, ctx->lang == NX_LANG_EN ? en : zh);
}

/** @brief Appends a reason to a priority answer; ignored when full. */
static inline void nx_add_reason(nx_priority* p, const nx_context* ctx, int32_t code,
                                 const char* zh, const char* en) {
    if (p->reason_count < p->reason_capacity) {
        nx_set_reason(&p->reasons[p->reason_count], ctx, code, zh, en);
        ++p->reason_count;
    }
}

/** @brief Appends a derived need; returns 0 when the list is full. */
static inline int nx_derive(nx_derived_list* list, const nx_context* ctx, uint32_t kind,
                            uint32_t unit, int64_t quantity, int32_t code, const char* zh,
                            const char* en) {
    nx_derived_need* d;
    if (list->count >= list->capacity) return 0;
    d = nx_derived_at(list, list->count);
    d->kind = kind;
    d->unit = unit;
    d->urgency = NX_URGENCY_NORMAL;
    d->reserved = 0;
    d->quantity = quantity;
    d->deadline_days = NX_UNSET;
    nx_set_reason(&d->reason, ctx, code, zh, en);
    ++list->count;
    return 1;
}

/* ---- Exporting ---- */

#if defined(_WIN32)
#define NX_PLUGIN_EXPORT __declspec(dllexport)
#elif defined(__EMSCRIPTEN__)
/* used: a side module must keep the entry points; visibility: found by dlsym */
#define NX_PLUGIN_EXPORT __attribute__((used, visibility("default")))
#else
#define NX_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#define NX_PLUGIN_CAT2_(a, b) a##b
#define NX_PLUGIN_CAT_(a, b) NX_PLUGIN_CAT2_(a, b)
/* A built-in copy is linked into the app beside the others, so its two entry points get the
 * plugin's own prefix (the build defines NX_PLUGIN_BUILTIN_NAME=<id>); a loadable file keeps the
 * fixed names the host looks up with dlsym. */
#ifdef NX_PLUGIN_BUILTIN_NAME
#define NX_PLUGIN_SYMBOL(name) NX_PLUGIN_CAT_(NX_PLUGIN_CAT_(nuanxin_builtin_, NX_PLUGIN_BUILTIN_NAME), _##name)
#else
#define NX_PLUGIN_SYMBOL(name) nuanxin_plugin_##name
#endif

/** @brief Defines the two exported entry points of a plugin from its static nx_plugin_info. */
#define NX_PLUGIN_DEFINE(info)                                                                  \
    NX_PLUGIN_EXPORT uint32_t NX_PLUGIN_SYMBOL(abi)(void);                                      \
    NX_PLUGIN_EXPORT const nx_plugin_info* NX_PLUGIN_SYMBOL(describe)(void);                    \
    NX_PLUGIN_EXPORT uint32_t NX_PLUGIN_SYMBOL(abi)(void) { return NX_PLUGIN_ABI_VERSION; }     \
    NX_PLUGIN_EXPORT const nx_plugin_info* NX_PLUGIN_SYMBOL(describe)(void) { return &(info); }

/** @brief Names of the required symbols of a loadable plugin file. */
#define NX_PLUGIN_ABI_SYMBOL "nuanxin_plugin_abi"
#define NX_PLUGIN_DESCRIBE_SYMBOL "nuanxin_plugin_describe"

/** @brief Signatures of the two entry points. */
typedef uint32_t (*nx_plugin_abi_fn)(void);
typedef const nx_plugin_info* (*nx_plugin_describe_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* NUANXIN_PLUGIN_H */
