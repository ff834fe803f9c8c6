// The Boost.Test module of the plugin suites (header-only variant: g++ and em++ alike).
#define BOOST_TEST_MODULE nuanxin_plugins
#include <boost/test/included/unit_test.hpp>

#include "core/plugin/library.h"

namespace {
/// This program is linked for dynamic loading (-sMAIN_MODULE under Emscripten): say so.
struct DynamicLoading {
    DynamicLoading() { nuanxin::setDynamicLoading(true); }
};
} // namespace
BOOST_TEST_GLOBAL_FIXTURE(DynamicLoading);

#ifdef __EMSCRIPTEN__
// Boost.Test refers to alarm(), which Emscripten implements in JavaScript without the signature a
// -sMAIN_MODULE program needs to take its address ("Cannot read properties of undefined" at
// start-up). Its timeouts are not used here, so this program brings its own.
extern "C" unsigned alarm(unsigned /*seconds*/) {
    return 0;
}
#endif
