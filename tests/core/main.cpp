// The one Boost.Test module of the core suites. The header-only variant compiles unchanged with
// g++ and em++; suites register themselves (BOOST_AUTO_TEST_SUITE) in their own files.
#define BOOST_TEST_MODULE nuanxin_core
#include <boost/test/included/unit_test.hpp>
