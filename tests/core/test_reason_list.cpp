// ReasonList: an allocation's reasons, shared between copies, changed copy by copy.
#include <boost/test/unit_test.hpp>

#include "core/model/equality.h"
#include "core/model/types.h"

using namespace nuanxin;

BOOST_AUTO_TEST_SUITE(reason_list)

BOOST_AUTO_TEST_CASE(copies_share_until_one_changes) {
    const ReasonList first{{Str::MatchEligible, "policy=x"}, {Str::MatchWhyPriority, "tier=0"}};
    ReasonList second = first;
    BOOST_TEST(second.shares(first));
    BOOST_TEST(&second.front() == &first.front()); // one list, not two
    second.push_back({Str::MatchDistCounty, "distance=0"});
    BOOST_TEST(!second.shares(first));
    BOOST_TEST(first.size() == 2U); // the original is as it was
    BOOST_TEST(second.size() == 3U);
    BOOST_TEST((second.back().code == Str::MatchDistCounty));
    BOOST_TEST(second.at(1).detail == "tier=0");
}

BOOST_AUTO_TEST_CASE(insert_puts_entries_where_asked) {
    ReasonList list{{Str::MatchEligible, "a"}, {Str::MatchWhyPriority, "c"}};
    const std::vector<Reason> more{{Str::MatchDistCity, "b1"}, {Str::MatchDistCity, "b2"}};
    const ReasonList before = list;
    list.insert(list.begin() + 1, more.begin(), more.end());
    std::vector<std::string> details;
    for (const Reason& r : list) details.push_back(r.detail);
    BOOST_TEST(details == (std::vector<std::string>{"a", "b1", "b2", "c"}));
    BOOST_TEST(before.size() == 2U);
    list.insert(list.end(), more.begin(), more.begin() + 1);
    BOOST_TEST(list.back().detail == "b1");
}

BOOST_AUTO_TEST_CASE(equal_by_content_whether_shared_or_not) {
    const ReasonList a{{Str::MatchEligible, "policy=x"}};
    const ReasonList b{{Str::MatchEligible, "policy=x"}};
    const ReasonList c{{Str::MatchEligible, "policy=y"}};
    BOOST_TEST(!a.shares(b));
    BOOST_TEST((a == b));
    BOOST_TEST((a != c));
    BOOST_TEST((ReasonList{} == ReasonList(std::vector<Reason>{})));
    BOOST_TEST(ReasonList{}.empty());
    ReasonList d = a;
    d.clear();
    BOOST_TEST(d.empty());
    BOOST_TEST(a.size() == 1U);
    // Allocations compare their reasons by content as well.
    Allocation x;
    x.reasons = a;
    Allocation y;
    y.reasons = b;
    BOOST_TEST((x == y));
    y.reasons = c;
    BOOST_TEST((x != y));
}

BOOST_AUTO_TEST_SUITE_END()
