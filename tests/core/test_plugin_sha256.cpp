// SHA-256 of plugin files: FIPS 180-2 appendix B vectors, padding edges (expected digests from
// coreutils' sha256sum) and feeding in pieces.
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "core/plugin/sha256.h"

#include "test_paths.h"

using nuanxin::Sha256;

BOOST_AUTO_TEST_SUITE(plugin_sha256)

BOOST_AUTO_TEST_CASE(fips_180_2_one_block) {
    BOOST_TEST(Sha256::hexOf("abc") ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(fips_180_2_two_blocks) {
    BOOST_TEST(Sha256::hexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

BOOST_AUTO_TEST_CASE(fips_180_2_million_a) {
    Sha256 s;
    const std::string thousand(1000, 'a');
    for (int i = 0; i < 1000; ++i) s.update(thousand);
    BOOST_TEST(Sha256::hex(s.finish()) ==
               "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_CASE(empty_message) {
    BOOST_TEST(Sha256::hexOf("") ==
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_CASE(padding_edges) {
    // 55 bytes: length fits the first block; 56: it does not; 64: a whole block of data.
    BOOST_TEST(Sha256::hexOf(std::string(55, 'a')) ==
               "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    BOOST_TEST(Sha256::hexOf(std::string(56, 'a')) ==
               "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    BOOST_TEST(Sha256::hexOf(std::string(63, 'a')) ==
               "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    BOOST_TEST(Sha256::hexOf(std::string(64, 'a')) ==
               "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    BOOST_TEST(Sha256::hexOf(std::string(119, 'a')) ==
               "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
}

BOOST_AUTO_TEST_CASE(pieces_equal_whole_and_object_restarts) {
    const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    Sha256 s;
    for (char c : text) s.update(&c, 1);
    BOOST_TEST(Sha256::hex(s.finish()) == Sha256::hexOf(text));
    s.update("abc");
    BOOST_TEST(Sha256::hex(s.finish()) ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(file_digest) {
    const std::string path = nuanxin::test::workDir() + "/sha256_abc.bin";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << "abc";
    }
    BOOST_TEST(nuanxin::sha256OfFile(path) ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(nuanxin::sha256OfFile(path + ".missing").empty());
}

BOOST_AUTO_TEST_SUITE_END()
