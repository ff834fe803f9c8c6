// Encrypting a plain store in place, changing its passphrase, and keeping an encrypted store's
// folder free of anything in clear. Design: core/store/README.md, "Encrypted stores".
#include "core/store/store.h"

namespace nuanxin {
namespace {

bool startsWith(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}
bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

void Store::sealLeftovers() {
    const auto names = m_fs.list(m_dir);
    if (!names || !m_key) return;
    for (const std::string& name : *names) {
        const std::string path = m_dir + "/" + name;
        if (startsWith(name, "journal.dropped-")) {
            auto bytes = m_fs.read(path, 0, ~std::uint64_t{0});
            if (bytes && !isSealedFile(*bytes)) {
                // Written atomically: the clear copy is replaced, never lost half-way.
                (void)m_fs.writeAtomic(path, sealFile(*m_key, *bytes));
                wipe(*bytes);
            }
        } else if (endsWith(name, ".tmp")) {
            // A temporary file of an atomic write that never finished (a crash): never read,
            // and in a store encrypted since then it may hold data in clear.
            (void)m_fs.remove(path);
        } else if (path == snapshotPath(m_dir)) {
            const auto header = m_fs.read(path, 0, kSnapshotHeaderSize);
            if (header && !snapshotSealed(*header)) (void)m_fs.remove(path);
        }
    }
}

std::optional<FieldError> Store::encrypt(const Secret& passphrase, KdfLimits limits) {
    if (m_key) return FieldError{m_dir, "", Str::StoreAlreadyEncrypted, ""};
    if (m_broken || !m_journal) return FieldError{m_dir, "", Str::StoreReadOnly, ""};
    const std::string journal = journalPath(m_dir);
    const std::uint64_t size = m_journal->size();
    auto plain = m_fs.read(journal, kJournalHeaderSize, size - kJournalHeaderSize);
    if (!plain) return FieldError{journal, "", Str::SerialFileOpen, m_fs.lastError()};

    auto key = SealKey::generate();
    if (!key) return FieldError{m_dir, "", Str::StoreKdfFailed, ""};
    auto keyFile = KeyFileCodec::wrap(*key, passphrase, limits);
    if (!keyFile.ok()) return keyFile.errors().front();

    // Every record decoded and sealed again, in order; the journal was checked when the store
    // opened, so a record that does not decode now means the file changed under us.
    std::string sealed = encodeJournalHeader(true);
    const ScanResult scan = scanJournal(*plain, kJournalHeaderSize, 1, [&](Transaction&& t) {
        sealed += encodeRecord(t, key.get());
        return true;
    });
    wipe(*plain);
    if (scan.end != ScanEnd::Clean) {
        return FieldError{journal, std::to_string(scan.goodEnd), Str::StoreBadChecksum,
                          endName(scan.end)};
    }

    // The key file first; the journal's atomic replacement is the moment the store becomes
    // encrypted (a plain journal ignores a key file beside it).
    if (!m_fs.writeAtomic(keyPath(m_dir), keyFile.value())) {
        return FieldError{keyPath(m_dir), "", Str::SerialFileWrite, m_fs.lastError()};
    }
    m_journal.reset();
    if (!m_fs.writeAtomic(journal, sealed)) {
        const FieldError error{journal, "", Str::SerialFileWrite, m_fs.lastError()};
        (void)m_fs.remove(keyPath(m_dir));
        m_journal = m_fs.openAppend(journal);
        if (!m_journal) m_broken = true;
        return error;
    }
    m_key = std::move(key);
    m_report.encrypted = true;
    m_journal = m_fs.openAppend(journal);
    if (!m_journal) {
        m_broken = true;
        return FieldError{journal, "", Str::SerialFileOpen, m_fs.lastError()};
    }
    // The old snapshot is in clear and its offset is wrong now: replaced by a sealed one, or
    // removed (sealLeftovers) when it cannot be written; the journal alone is the store.
    std::string error;
    if (!writeSnapshot(&error)) m_snapshotOffset = kJournalHeaderSize;
    sealLeftovers();
    return std::nullopt;
}

std::optional<FieldError> Store::changePassphrase(const Secret& passphrase, KdfLimits limits) {
    if (!m_key) return FieldError{m_dir, "", Str::StoreNotEncrypted, ""};
    if (m_broken || !m_journal) return FieldError{m_dir, "", Str::StoreReadOnly, ""};
    auto keyFile = KeyFileCodec::wrap(*m_key, passphrase, limits);
    if (!keyFile.ok()) return keyFile.errors().front();
    if (!m_fs.writeAtomic(keyPath(m_dir), keyFile.value())) {
        return FieldError{keyPath(m_dir), "", Str::SerialFileWrite, m_fs.lastError()};
    }
    return std::nullopt;
}

} // namespace nuanxin
