#include "core/io/export.h"

#include <sstream>

#include "core/id/resident_id.h"
#include "core/io/csv_write.h"
#include "core/serial/archive.h"
#include "core/store/crc32.h"
#include "core/store/journal.h"
#include "core/util/personal.h"

namespace nuanxin {
namespace {

constexpr std::string_view kBackupMagic{"NXBACKUP", 8};
/// 1: journal ‖ snapshot; 2 (encrypted stores): journal ‖ snapshot ‖ key file, the key file's
/// size after the snapshot's in the header. A plain store's backup stays version 1, so older
/// versions of nuanxin restore it; the files of an encrypted one are copied sealed as they are.
constexpr std::uint32_t kBackupVersion = 1;
constexpr std::uint32_t kBackupSealedVersion = 2;
constexpr std::size_t kBackupHeaderSize = 8 + 4 + 8 + 8 + 4;
constexpr std::size_t kBackupSealedHeaderSize = kBackupHeaderSize + 8;

} // namespace

Result<std::string> distributionListCsv(const State& state, OfferId offerId,
                                        const DivisionRegistry& divisions, Lang lang) {
    const Offer* offer = state.offer(offerId);
    if (!offer) return FieldError{"offer", std::to_string(offerId), Str::ErrUnknownOffer, ""};
    std::string out(kUtf8Bom);
    out += csvLine(
        {tr(Str::ExpColNo, lang), tr(Str::ExpColHousehold, lang), tr(Str::ExpColName, lang),
         tr(Str::ExpColIdNumber, lang), tr(Str::ExpColPhone, lang), tr(Str::ExpColDivision, lang),
         tr(Str::ExpColAddress, lang), tr(Str::ExpColKind, lang), tr(Str::ExpColQuantity, lang),
         tr(Str::ExpColUnit, lang), tr(Str::ExpColStatus, lang)});
    std::size_t no = 0;
    for (const Allocation& a : state.dataset().allocations) {
        if (a.offer != offerId || a.status == AllocationStatus::Rejected ||
            a.status == AllocationStatus::Cancelled) {
            continue;
        }
        const Need* need = state.need(a.need);
        const Household* h = need ? state.household(need->household) : nullptr;
        if (!h) continue; // cannot happen in a consistent store; never invent a row
        const Member* head = h->members.empty() ? nullptr : &h->members.front();
        const std::string name = head ? head->name : std::string();
        const bool shared = h->consentToShare;
        out += csvLine({std::to_string(++no), std::to_string(h->id), shared ? name : maskName(name),
                        head ? maskIdNumber(head->idNumber) : std::string(), maskPhone(h->phone),
                        h->divisionCode + ' ' + divisions.fullName(h->divisionCode),
                        shared ? h->address : maskAddress(h->address), tr(label(offer->kind), lang),
                        std::to_string(a.quantity), tr(label(offer->unit), lang),
                        tr(label(a.status), lang)});
    }
    return out;
}

std::string storeTitle(const State& state) {
    const auto& settings = state.data().settings;
    const auto it = settings.find(kTitleSetting);
    return it == settings.end() ? std::string() : it->second;
}

Result<std::string> exportJson(const State& state, const JsonExportInfo& info) {
    if (!info.asOf.valid()) return FieldError{"as_of", info.asOf.iso(), Str::SerialBadDate, ""};
    // A copy: the state's own data set keeps what the journal built (no title, no date).
    Dataset data = state.dataset();
    data.title = storeTitle(state);
    if (data.title.empty()) data.title = info.fallbackTitle;
    data.asOf = info.asOf;
    std::ostringstream out;
    std::string error;
    if (!writeDataset(data, out, Format::Json, &error)) {
        return FieldError{"json", "", Str::SerialFileWrite, error};
    }
    return std::move(out).str();
}

Result<std::string> backupStore(const FileSystem& fs, const std::string& dir) {
    const auto journal = fs.read(Store::journalPath(dir), 0, ~std::uint64_t{0});
    if (!journal)
        return FieldError{Store::journalPath(dir), "", Str::SerialFileOpen, fs.lastError()};
    std::string snapshot;
    if (fs.exists(Store::snapshotPath(dir))) {
        auto s = fs.read(Store::snapshotPath(dir), 0, ~std::uint64_t{0});
        if (!s)
            return FieldError{Store::snapshotPath(dir), "", Str::SerialFileOpen, fs.lastError()};
        snapshot = std::move(*s);
    }
    std::string keyFile;
    if (Store::isEncrypted(fs, dir)) {
        auto k = fs.read(Store::keyPath(dir), 0, ~std::uint64_t{0});
        if (!k) return FieldError{Store::keyPath(dir), "", Str::SerialFileOpen, fs.lastError()};
        keyFile = std::move(*k);
    }
    const bool sealed = !keyFile.empty();
    std::string payload;
    payload.reserve(journal->size() + snapshot.size() + keyFile.size());
    payload += *journal;
    payload += snapshot;
    payload += keyFile;
    std::string out(kBackupMagic);
    putU32(out, sealed ? kBackupSealedVersion : kBackupVersion);
    putU64(out, journal->size());
    putU64(out, snapshot.size());
    if (sealed) putU64(out, keyFile.size());
    putU32(out, crc32(payload, crc32(out)));
    out += payload;
    return out;
}

Result<OpenReport> restoreStore(FileSystem& fs, std::string_view backup, const std::string& dir,
                                const DivisionRegistry& divisions, const Secret* passphrase) {
    if (backup.size() < kBackupHeaderSize || backup.substr(0, 8) != kBackupMagic) {
        return FieldError{"backup", "", Str::IoNotBackup, ""};
    }
    const std::uint32_t version = getU32(backup, 8);
    if (version > kBackupSealedVersion) {
        return FieldError{"backup", std::to_string(version), Str::SerialNewerVersion, ""};
    }
    const bool sealed = version == kBackupSealedVersion;
    const std::size_t headerSize = sealed ? kBackupSealedHeaderSize : kBackupHeaderSize;
    if (backup.size() < headerSize) return FieldError{"backup", "", Str::StoreTruncated, ""};
    const std::uint64_t journalSize = getU64(backup, 12);
    const std::uint64_t snapshotSize = getU64(backup, 20);
    const std::uint64_t keySize = sealed ? getU64(backup, 28) : 0;
    // Compared without adding the sizes: a crafted set could wrap around to the right sum.
    const std::uint64_t payloadSize = backup.size() - headerSize;
    if (journalSize > payloadSize || snapshotSize > payloadSize - journalSize ||
        keySize != payloadSize - journalSize - snapshotSize || (sealed && keySize == 0)) {
        return FieldError{"backup", "", Str::StoreTruncated, ""};
    }
    const std::string_view payload = backup.substr(headerSize);
    if (crc32(payload, crc32(backup.substr(0, headerSize - 4))) != getU32(backup, headerSize - 4)) {
        return FieldError{"backup", "", Str::StoreBadChecksum, ""};
    }
    if (fs.exists(Store::journalPath(dir))) return FieldError{dir, "", Str::IoStoreNotEmpty, ""};
    const auto jsize = static_cast<std::size_t>(journalSize);
    const auto ssize = static_cast<std::size_t>(snapshotSize);
    const std::string_view keyFile = payload.substr(jsize + ssize);
    // A wrong passphrase is refused before anything is written.
    if (sealed && passphrase) {
        auto key = KeyFileCodec::unwrap(keyFile, *passphrase, dir);
        if (!key.ok()) return key.errors();
    }
    if (!fs.makeDirs(dir) || !fs.remove(Store::snapshotPath(dir)) ||
        (sealed && !fs.writeAtomic(Store::keyPath(dir), keyFile)) ||
        (snapshotSize > 0 && !fs.writeAtomic(Store::snapshotPath(dir), payload.substr(jsize, ssize))) ||
        !fs.writeAtomic(Store::journalPath(dir), payload.substr(0, jsize))) {
        return FieldError{dir, "", Str::SerialFileWrite, fs.lastError()};
    }
    if (sealed && !passphrase) {
        // Whole (the checksum covered every byte) but not opened: it opens with its passphrase.
        OpenReport report;
        report.encrypted = true;
        report.locked = true;
        return report;
    }
    auto store = Store::open(fs, dir, divisions,
                             Store::Options{Store::Mode::ReadWrite, passphrase,
                                            KdfLimits::interactive()});
    if (!store.ok()) return store.errors();
    return store.value()->report();
}

} // namespace nuanxin
