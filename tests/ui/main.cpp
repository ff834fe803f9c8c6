// The Boost.Test module of the UI's own logic that needs no window (native builds with the UI).
#define BOOST_TEST_MODULE nuanxin_ui
#include <boost/test/included/unit_test.hpp>
