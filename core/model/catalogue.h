#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "core/i18n/tr.h"

namespace nuanxin {

/// @brief Household categories (对象类别) of DOMAIN.md. The numeric values are bit positions
/// in CategorySet and are stored in files: append, never renumber.
enum class Category : std::uint8_t {
    Dibao = 0,          ///< 低保对象
    Tekun = 1,          ///< 特困人员
    DibaoEdge = 2,      ///< 低保边缘家庭
    Monitored = 3,      ///< 防止返贫监测对象
    RigidExpense = 4,   ///< 刚性支出困难家庭
    OtherLowIncome = 5, ///< 其他低收入人口
    Homeless = 6,       ///< 流浪乞讨人员
    DisasterStranded = 7, ///< 因灾滞留人员
    Count_
};

/// @brief Per-person attributes that raise priority or select target groups. Bit positions.
enum class Attribute : std::uint8_t {
    Disabled = 0,        ///< 残疾
    SeriousIllness = 1,  ///< 患有重大疾病
    InSchool = 2,        ///< 在校接受教育
    CannotSelfCare = 3,  ///< 生活不能自理
    LivesAlone = 4,      ///< 独居
    Orphan = 5,          ///< 孤儿 (incl. 散居孤儿)
    LeftBehind = 6,      ///< 留守儿童
    Unsupported = 7,     ///< 事实无人抚养儿童
    DisasterHit = 8,     ///< 受灾影响比较严重
    Count_
};

/// @brief The one catalogue of what is needed and offered. Stored in files: append only.
enum class Kind : std::uint8_t {
    Coal = 0, Heater, HeatingSubsidy, Quilt, WinterClothes, Food, DailyNecessities,
    OneTimeSubsidy, TemporaryAssistance, MedicalAid, EducationAid,
    HomeVisit, HomeCareBed, HomeAdaptation, ResidentialCare, SafetyCheck, SnowClearing,
    WiringRepair,
    Count_
};

enum class Unit : std::uint8_t { Kg = 0, Piece, Yuan, Visit, Count_ };

enum class Urgency : std::uint8_t { Normal = 0, Urgent, Critical, Count_ };

enum class NeedStatus : std::uint8_t { Open = 0, PartlyMet, Met, Closed, Cancelled, Count_ };

enum class OfferStatus : std::uint8_t { Open = 0, Exhausted, Withdrawn, Count_ };

enum class AllocationStatus : std::uint8_t {
    Proposed = 0, Approved, Assigned, Delivered, Confirmed, Rejected, Cancelled, Count_
};

enum class DonorType : std::uint8_t { Charity = 0, Enterprise, Individual, Government, Count_ };

enum class Sex : std::uint8_t { Female = 0, Male, Count_ };

/// @brief A small set of enum values as a bit mask (categories, attributes, target groups).
template <class E>
class EnumSet {
public:
    constexpr EnumSet() = default;
    constexpr explicit EnumSet(std::uint32_t bits) : m_bits(bits) {}
    constexpr EnumSet(std::initializer_list<E> values) {
        for (E v : values) set(v);
    }
    constexpr void set(E v, bool on = true) {
        const auto bit = std::uint32_t{1} << static_cast<unsigned>(v);
        m_bits = on ? (m_bits | bit) : (m_bits & ~bit);
    }
    [[nodiscard]] constexpr bool has(E v) const {
        return (m_bits >> static_cast<unsigned>(v)) & 1U;
    }
    [[nodiscard]] constexpr bool empty() const { return m_bits == 0; }
    [[nodiscard]] constexpr bool intersects(EnumSet o) const { return (m_bits & o.m_bits) != 0; }
    [[nodiscard]] constexpr std::uint32_t bits() const { return m_bits; }
    friend constexpr bool operator==(EnumSet a, EnumSet b) { return a.m_bits == b.m_bits; }
    friend constexpr bool operator!=(EnumSet a, EnumSet b) { return a.m_bits != b.m_bits; }

private:
    std::uint32_t m_bits = 0;
};

using CategorySet = EnumSet<Category>;
using AttributeSet = EnumSet<Attribute>;

/// @brief Facts about one catalogue entry: its stable file name, its display text, its unit.
struct KindInfo {
    Kind kind;
    std::string_view name; ///< stable identifier used in files, CSV and the CLI ("coal")
    Str label;             ///< display text key
    Unit unit;             ///< the only unit a need or offer of this kind may use
    bool service;          ///< a visit or a job done at the door rather than goods or cash
};

/// @brief The catalogue entry of `kind`. @pre kind < Kind::Count_ (out-of-range values, e.g.
/// from a damaged file, get the Coal entry; validate() reports them first).
[[nodiscard]] const KindInfo& kindInfo(Kind kind);

/// @brief Stable file names and display keys of the small enums, in enum order.
/// name() never changes once released (files store it); label() goes through tr().
[[nodiscard]] std::string_view name(Category v);
[[nodiscard]] std::string_view name(Attribute v);
[[nodiscard]] std::string_view name(Kind v);
[[nodiscard]] std::string_view name(Unit v);
[[nodiscard]] std::string_view name(Urgency v);
[[nodiscard]] std::string_view name(NeedStatus v);
[[nodiscard]] std::string_view name(OfferStatus v);
[[nodiscard]] std::string_view name(AllocationStatus v);
[[nodiscard]] std::string_view name(DonorType v);
[[nodiscard]] std::string_view name(Sex v);

[[nodiscard]] Str label(Category v);
[[nodiscard]] Str label(Attribute v);
[[nodiscard]] Str label(Kind v);
[[nodiscard]] Str label(Unit v);
[[nodiscard]] Str label(Urgency v);
[[nodiscard]] Str label(NeedStatus v);
[[nodiscard]] Str label(OfferStatus v);
[[nodiscard]] Str label(AllocationStatus v);
[[nodiscard]] Str label(DonorType v);
[[nodiscard]] Str label(Sex v);

/// @brief Parses a stable name back to its value ("dibao" → Category::Dibao); nullopt otherwise.
template <class E>
[[nodiscard]] std::optional<E> parseEnum(std::string_view text) {
    for (unsigned i = 0; i < static_cast<unsigned>(E::Count_); ++i) {
        if (name(static_cast<E>(i)) == text) return static_cast<E>(i);
    }
    return std::nullopt;
}

/// @brief All values of an enum with a Count_ member, for loops and tables.
template <class E>
[[nodiscard]] constexpr auto allOf() {
    std::array<E, static_cast<std::size_t>(E::Count_)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
    return out;
}

} // namespace nuanxin
