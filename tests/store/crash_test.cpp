// Crash test (native only): a child process appends transactions to a store while this process
// kills it with SIGKILL at random moments, many times. After each kill the store must open,
// hold every transaction the child acknowledged before it died, and nothing half-applied:
// each transaction registers household s and its need s together (two commands, one record).
//
// usage: store_crash_test WORK_DIR [ITERATIONS] [SEED]
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <random>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "core/id/resident_id.h"
#include "core/store/store.h"

using namespace nuanxin;

namespace {

constexpr Timestamp kWhen = 1731672000; // 2024-11-15 12:00 UTC

/// Household s, fully determined by s (so the parent knows exactly what must be there).
Household expectedHousehold(std::uint64_t s) {
    Household h;
    h.id = s;
    h.divisionCode = "510104";
    h.address = "四川省成都市锦江区测试街道" + std::to_string(s) + "号";
    h.categories = {Category::Dibao};
    h.registered = Date{2024, 10, 8};
    h.registeredBy = "崩溃测试";
    Member m;
    m.name = "测试" + std::to_string(s % 100);
    m.birth = Date::fromDays(-7305 + static_cast<std::int64_t>(s / 450)); // from 1950-01-01
    char ymd[9];
    std::snprintf(ymd, sizeof ymd, "%04d%02d%02d", m.birth.year, m.birth.month, m.birth.day);
    std::string seq = std::to_string(1000 + (s % 450) * 2 + 2).substr(1); // even: female
    std::string id = std::string("510104") + ymd + seq;
    m.idNumber = id + residentIdCheckChar(id);
    m.sex = Sex::Female;
    h.members.push_back(m);
    return h;
}

Need expectedNeed(std::uint64_t s) {
    Need n;
    n.id = s;
    n.household = s;
    n.quantity = static_cast<std::int64_t>(100 + s % 50);
    n.deadline = Date{2025, 1, 31};
    return n;
}

Submission transaction(std::uint64_t s) {
    return Submission{
        "crash",
        kWhen,
        {cmd::RegisterHousehold{expectedHousehold(s)}, cmd::AddNeed{expectedNeed(s)}}};
}

/// Appends in small pieces with pauses between, as a slow disk or a power cut would leave them:
/// a kill can then land inside a record, which a single write() of a small record never allows.
class PieceByPieceFileSystem final : public FileSystem {
public:
    bool makeDirs(const std::string& p) override { return m_fs.makeDirs(p); }
    [[nodiscard]] bool exists(const std::string& p) const override { return m_fs.exists(p); }
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& p) const override {
        return m_fs.fileSize(p);
    }
    [[nodiscard]] std::optional<std::string> read(const std::string& p, std::uint64_t offset,
                                                  std::uint64_t limit) const override {
        return m_fs.read(p, offset, limit);
    }
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& p) override {
        class Pieces final : public AppendFile {
        public:
            explicit Pieces(std::unique_ptr<AppendFile> f) : m_f(std::move(f)) {}
            bool append(std::string_view bytes) override {
                for (std::size_t at = 0; at < bytes.size(); at += 64) {
                    if (!m_f->append(bytes.substr(at, 64))) return false;
                    ::usleep(20);
                }
                return true;
            }
            bool sync() override { return m_f->sync(); }
            [[nodiscard]] std::uint64_t size() const override { return m_f->size(); }

        private:
            std::unique_ptr<AppendFile> m_f;
        };
        auto f = m_fs.openAppend(p);
        return f ? std::make_unique<Pieces>(std::move(f)) : nullptr;
    }
    bool writeAtomic(const std::string& p, std::string_view b) override {
        return m_fs.writeAtomic(p, b);
    }
    bool truncate(const std::string& p, std::uint64_t size) override {
        return m_fs.truncate(p, size);
    }
    bool remove(const std::string& p) override { return m_fs.remove(p); }
    [[nodiscard]] std::string lastError() const override { return m_fs.lastError(); }

private:
    PosixFileSystem m_fs;
};

[[noreturn]] void child(const std::string& dir, int ackFd, unsigned seed) {
    PosixFileSystem plain;
    PieceByPieceFileSystem pieces;
    FileSystem& fs = seed % 2 == 0 ? static_cast<FileSystem&>(pieces) : plain;
    auto store = Store::open(fs, dir, DivisionRegistry::builtIn());
    if (!store.ok()) _exit(3);
    Store& s = *store.value();
    std::mt19937 rng(seed);
    for (;;) {
        const std::uint64_t next = s.state().sequence() + 1;
        const auto pick = static_cast<unsigned>(rng() % 20);
        if (pick == 0) {
            if (!s.writeSnapshot(nullptr)) _exit(4);
            continue;
        }
        std::vector<Submission> group;
        const std::uint64_t count = pick < 4 ? 3 : 1; // sometimes a group commit
        for (std::uint64_t k = 0; k < count; ++k) group.push_back(transaction(next + k));
        const auto results = s.submitGroup(std::move(group));
        for (const auto& r : results) {
            if (!r.ok()) _exit(5);
            // Acknowledged: durable before this write happens.
            const std::uint64_t ack = r.value();
            if (::write(ackFd, &ack, sizeof ack) != sizeof ack) _exit(6);
        }
    }
}

bool verify(const std::string& dir, std::uint64_t acked, std::uint64_t& sequence, bool& cut,
            std::string& why) {
    PosixFileSystem fs;
    auto opened = Store::open(fs, dir, DivisionRegistry::builtIn());
    if (!opened.ok()) {
        why = "open failed: " + opened.errors().front().describe(Lang::En);
        return false;
    }
    const State& st = opened.value()->state();
    sequence = st.sequence();
    cut = opened.value()->report().tailCut();
    if (sequence < acked) {
        why = "acknowledged " + std::to_string(acked) + " but only " + std::to_string(sequence) +
              " present";
        return false;
    }
    const Dataset& d = st.dataset();
    if (d.households.size() != sequence || d.needs.size() != sequence) {
        why = "half-applied: " + std::to_string(d.households.size()) + " households, " +
              std::to_string(d.needs.size()) + " needs, sequence " + std::to_string(sequence);
        return false;
    }
    for (std::uint64_t s = 1; s <= sequence; ++s) {
        const Household* h = st.household(s);
        const Need* n = st.need(s);
        const Household e = expectedHousehold(s);
        const Need en = expectedNeed(s);
        if (!h || !n || h->address != e.address || h->members.size() != 1 ||
            h->members[0].idNumber != e.members[0].idNumber || n->household != s ||
            n->quantity != en.quantity) {
            why = "transaction " + std::to_string(s) + " differs from what was written";
            return false;
        }
    }
    const CheckReport check = verifyStore(fs, dir);
    if (!check.journalOk || (check.snapshotPresent && !check.snapshotMatches)) {
        why = "verifyStore after reopening: journal ok " + std::to_string(check.journalOk) +
              ", snapshot matches " + std::to_string(check.snapshotMatches);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s WORK_DIR [ITERATIONS] [SEED]\n", argv[0]);
        return 2;
    }
    const std::string dir = std::string(argv[1]) + "/crash-store";
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 120;
    const unsigned seed = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 20241115U;
    std::filesystem::remove_all(dir);
    std::mt19937 rng(seed);
    std::uint64_t acked = 0, sequence = 0, cuts = 0;
    for (int i = 0; i < iterations; ++i) {
        int fds[2];
        if (::pipe(fds) != 0) return 10;
        const pid_t pid = ::fork();
        if (pid < 0) return 11;
        if (pid == 0) {
            ::close(fds[0]);
            child(dir, fds[1], seed + static_cast<unsigned>(i));
        }
        ::close(fds[1]);
        // Kill at a random moment: sometimes at once (while opening), mostly mid-append.
        const auto delayUs =
            static_cast<useconds_t>(rng() % 5 == 0 ? rng() % 2000 : 2000 + rng() % 40000);
        ::usleep(delayUs);
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) {
            std::fprintf(stderr, "iteration %d: child ended by itself (status %d)\n", i, status);
            return 12;
        }
        // Every acknowledgement the child wrote before dying is still in the pipe.
        std::uint64_t ack = 0;
        while (::read(fds[0], &ack, sizeof ack) == sizeof ack) acked = std::max(acked, ack);
        ::close(fds[0]);
        std::string why;
        bool cut = false;
        if (!verify(dir, acked, sequence, cut, why)) {
            std::fprintf(stderr, "iteration %d (seed %u): %s\n", i, seed, why.c_str());
            return 1;
        }
        if (cut) ++cuts;
    }
    std::printf("%d kills: %llu transactions acknowledged, %llu present, %llu torn tails cut\n",
                iterations, static_cast<unsigned long long>(acked),
                static_cast<unsigned long long>(sequence), static_cast<unsigned long long>(cuts));
    return 0;
}
