#include "test_paths.h"

#include <stdexcept>
#include <string_view>

#include <boost/test/unit_test.hpp>

namespace nuanxin::test {

std::string testArgument(std::string_view name) {
    const auto& suite = boost::unit_test::framework::master_test_suite();
    const std::string prefix = "--" + std::string(name) + "=";
    for (int i = 1; i < suite.argc; ++i) {
        const std::string_view arg = suite.argv[i];
        if (arg.substr(0, prefix.size()) == prefix) return std::string(arg.substr(prefix.size()));
    }
    throw std::runtime_error("missing test argument " + prefix + " (CTest passes it after --)");
}

std::string dataDir() {
    return testArgument("data-dir");
}
std::string sharedDir() {
    return testArgument("shared-dir");
}
std::string workDir() {
    return testArgument("work-dir");
}

} // namespace nuanxin::test
