// Writes the seed corpus of every fuzz target (tests/fuzz/corpus/<name>/), so that the committed
// seeds can be made again after a format changes:
//   build/fuzz/tests/fuzz/fuzz_make_seeds tests/fuzz/corpus
// Everything is synthetic: made-up people (test_store_support.h: real county codes of
// assets/divisions, check characters computed there), made-up donors and costs. Each file starts
// with the selector byte its target reads first (see the target's header comment).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/io/encoding.h"
#include "core/io/export.h"
#include "core/store/store.h"
#include "memory_file_system.h"
#include "sample_commands.h"

using namespace nuanxin;

namespace {

std::string g_root;
int g_written = 0;

void seed(const std::string& target, const std::string& name, const std::string& bytes) {
    const std::string dir = g_root + "/" + target;
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
    ++g_written;
}

std::string u16(std::size_t v) {
    return {static_cast<char>(v & 0xFFU), static_cast<char>((v >> 8) & 0xFFU)};
}

/// A households CSV in the layout offices use: one row per person, Chinese headers.
std::string householdsCsv() {
    using test::idNumber;
    return "户编号,姓名,身份证号,所属区划,类别,电话,住址,需求,数量,同意共享\r\n"
           "H1,张建国," + idNumber("510104", "19500315", 11) +
           ",510104,低保对象,13912345001,\"四川省成都市锦江区春熙路1号,3单元\",煤炭,300,是\r\n"
           "H1,李桂英," + idNumber("510104", "19520720", 22) +
           ",510104,低保对象,13912345001,\"四川省成都市锦江区春熙路1号,3单元\",棉被,2,是\r\n"
           ",赵大爷," + idNumber("130102", "19400101", 31) +
           ",130102,特困人员,0311-86012345,\"河北省石家庄市长安区\n中山路5号\",取暖器,1,否\r\n"
           ",王秀兰," + idNumber("140105", "19551203", 42) + ",140105,低保边缘家庭,,山西省太原市小店区某路7号,,,\r\n";
}

void csvSeeds() {
    seed("csv", "households", std::string(1, '\0') + householdsCsv());
    seed("csv", "semicolon_quotes", std::string(1, '\1') + "a;b;c\r\n1;\"x;\"\"y\"\"\";3\n\n4;5;6");
    seed("csv", "bom_tabs", std::string(1, '\2') + "\xEF\xBB\xBFname\tcode\rA\t510104\r");
    seed("csv", "broken_quote", std::string(1, '\0') + "a,b\n\"open,2\n3,4\n");
}

void importSeeds() {
    using test::idNumber;
    seed("import", "households_utf8", std::string(1, '\x00') + householdsCsv());
    // Flags 0x03: households, and a household of another organisation already registered.
    seed("import", "households_duplicate",
         std::string(1, '\x03') + "姓名,身份证号,所属区划,类别,住址\n王秀兰," +
             idNumber("510104", "19600101", 2) + ",510104,低保对象,四川省成都市锦江区某某街道1号\n");
    seed("import", "households_english_all_or_nothing",
         std::string(1, '\x0C') +
             "household,name,id_number,division,category,phone,address,need,quantity\n"
             "1,Zhang Jianguo," + idNumber("510104", "19500315", 11) +
             ",510104,dibao,13912345001,\"Chunxi Road 1, Unit 3\",coal,300\n"
             "1,Li Guiying," + idNumber("510104", "19520720", 22) +
             ",510104,dibao,13912345001,\"Chunxi Road 1, Unit 3\",quilt,2\n"
             "2,Bad Number,51010419520720022X,510104,dibao,,Somewhere,coal,1\n");
    const auto gb = encodeGb18030(householdsCsv());
    if (gb.ok()) seed("import", "households_gb18030", std::string(1, '\x10') + gb.value());
    seed("import", "donors",
         std::string(1, '\x02') + "名称,类型,所属区划,电话\n四川省慈善总会,慈善组织,51,028-86671234\n"
                                  "暖冬能源有限公司,爱心企业,510104,\n");
    seed("import", "offers",
         std::string(1, '\x01') +
             "名称,捐赠方,物资类别,数量,覆盖区划,对象类别,开始日期,结束日期,每户上限,单价\n"
             "过冬煤炭,暖冬能源有限公司,煤炭,5000,5101;1301,低保对象;特困人员,2024-11-01,"
             "2025-02-28,500,1.2\n棉被,四川省慈善总会,棉被,200,51,,2024-11-01,2025-01-31,2,\n");
}

void storeSeeds() {
    test::MemoryFileSystem fs;
    auto opened = Store::open(fs, "s", DivisionRegistry::builtIn());
    if (!opened.ok()) throw std::runtime_error("store did not open");
    Store& store = *opened.value();
    std::string afterThree;
    for (const Submission& s : test::sampleCampaign()) {
        const auto r = store.submit(s);
        if (!r.ok()) {
            throw std::runtime_error("sample transaction refused: " +
                                     r.errors().front().describe(Lang::En));
        }
        if (r.value() == 3) afterThree = *fs.read(Store::journalPath("s"), 0, ~0ULL);
    }
    const std::string journal = *fs.read(Store::journalPath("s"), 0, ~0ULL);
    seed("journal", "campaign", std::string(1, '\0') + journal);
    seed("journal", "three_records", std::string(1, '\0') + afterThree);
    seed("journal", "torn_tail", std::string(1, '\0') + journal.substr(0, journal.size() - 5));
    // The same records as framed payloads (selector 1): "u16 length, payload" each.
    std::string framed(1, '\1');
    for (std::size_t p = kJournalHeaderSize; p + kRecordHeaderSize <= journal.size();) {
        const std::uint32_t length = getU32(journal, p);
        framed += u16(length) + journal.substr(p + kRecordHeaderSize, length);
        p += kRecordHeaderSize + length;
    }
    seed("journal", "campaign_payloads", framed);

    if (!store.writeSnapshot(nullptr)) throw std::runtime_error("snapshot not written");
    const std::string snapshot = *fs.read(Store::snapshotPath("s"), 0, ~0ULL);
    seed("snapshot", "campaign", std::string(1, '\0') + snapshot);
    seed("snapshot", "campaign_payload", std::string(1, '\1') + snapshot.substr(kSnapshotHeaderSize));
    const std::string empty = encodeSnapshot(StoreData{}, kJournalHeaderSize);
    seed("snapshot", "empty", std::string(1, '\0') + empty);
    seed("snapshot", "empty_payload", std::string(1, '\1') + empty.substr(kSnapshotHeaderSize));

    const auto backup = backupStore(fs, "s");
    if (!backup.ok()) throw std::runtime_error("backup failed");
    seed("backup", "campaign", std::string(1, '\0') + backup.value());
    seed("backup", "campaign_framed", std::string(1, '\1') + u16(afterThree.size()) + afterThree);
    std::string sized(1, '\2');
    putU64(sized, journal.size());
    putU64(sized, snapshot.size());
    seed("backup", "campaign_sized", sized + journal + snapshot);
}

void pluginSeeds() {
    const std::string schema =
        R"({"settings":[{"key":"one_time_subsidy","type":"bool","default":false,)"
        R"("label_zh":"一次性补贴","label_en":"One-time subsidy"},)"
        R"({"key":"subsidy_yuan","type":"yuan","default":500,"label_zh":"补贴","label_en":"Subsidy"},)"
        R"({"key":"cold_below","type":"int","default":-10,"label_zh":"低温","label_en":"Cold"},)"
        R"({"key":"ends","type":"date","default":null,"label_zh":"截止","label_en":"Ends"}]})";
    const std::string approvals = std::string(64, 'a') + "  nuanxin_sichuan.so\n" +
                                  std::string(64, '0') + "  nuanxin_hebei.so\n";
    auto plugin = [](std::initializer_list<std::string> fields) {
        std::string out;
        for (const std::string& f : fields) out += f + std::string(1, '\0');
        out.pop_back();
        return out;
    };
    seed("plugin", "valid", plugin({"00", "fuzz_region", "测试地区", "Test region", "2026.1",
                                    "510000,5101,510104", "national", "true", approvals, schema}));
    seed("plugin", "date_value", plugin({"10", "chengdu", "成都", "Chengdu", "1", "510100",
                                         "sichuan", "2026-12-20", "", schema}));
    seed("plugin", "national", plugin({"00", "national", "全国", "National", "2026.1", "100000",
                                       "", "-12", "", ""}));
    seed("plugin", "bad_id", plugin({"00", "Bad Id!", "坏", "Bad", "1", "51", "", "1", "", "{}"}));
    seed("plugin", "bad_schema",
         plugin({"00", "x", "x", "x", "1", "14", "", "1", "",
                 R"({"settings":[{"key":"a","type":"money","default":"x"}]})"}));
    seed("plugin", "old_abi", plugin({"2\x02", "old", "旧", "Old", "0.9", "13", "", "", "", ""}));
}

void residentIdSeeds() {
    using test::idNumber;
    // Selector bytes: the day as days since 1900-01-01, little-endian; 2024-11-15 is 45609.
    const std::string today = u16(45609);
    seed("resident_id", "female", today + idNumber("510104", "19600101", 2));
    seed("resident_id", "male", today + idNumber("130102", "19480315", 31));
    std::string lower = idNumber("110105", "19491231", 2);
    for (int n = 0; n < 999 && lower.back() != 'X'; ++n) lower = idNumber("110105", "19491231", n);
    lower.back() = 'x';
    seed("resident_id", "lower_x", today + lower);
    seed("resident_id", "legacy_county", today + idNumber("510122", "19700101", 15)); // 双流县
    std::string wrong = idNumber("140105", "19551203", 42);
    wrong.back() = wrong.back() == '1' ? '2' : '1';
    seed("resident_id", "wrong_check", today + wrong);
    seed("resident_id", "born_tomorrow", today + idNumber("510104", "20241116", 2));
    seed("resident_id", "fifteen_digits", today + "510104600101002");
}

void assignmentSeeds() {
    seed("assignment", "three", "3\n1 2 3\n4 5 6\n7 8 9\n");
    seed("assignment", "negative", "2\n-5 3\n4 -1\n");
    seed("assignment", "one", "1\n0\n");
    seed("assignment", "five",
         "5\n 7 53 183 439 863\n 497 383 563 79 973\n 287 63 343 169 583\n"
         " 627 343 773 959 943\n 767 473 103 699 303\n");
    seed("assignment", "too_short", "4\n1 2 3\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR (tests/fuzz/corpus)\n", argv[0]);
        return 2;
    }
    g_root = argv[1];
    try {
        csvSeeds();
        importSeeds();
        storeSeeds();
        pluginSeeds();
        residentIdSeeds();
        assignmentSeeds();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_seeds: %s\n", e.what());
        return 1;
    }
    std::printf("%d seed files written under %s\n", g_written, g_root.c_str());
    return 0;
}
