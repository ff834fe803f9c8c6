#include "core/store/crypto.h"

#include <sodium.h>

#include "core/store/crc32.h"
#include "core/store/journal.h"

namespace nuanxin {
namespace {

static_assert(SealKey::kKeyBytes == crypto_secretbox_KEYBYTES);
static_assert(SealKey::kOverhead == crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES);

constexpr std::string_view kKeyMagic{"NXKEY\r\n\0", 8};
constexpr std::uint32_t kKeyFileVersion = 1;
/// Argon2id v1.3 for the passphrase key, XSalsa20-Poly1305 for the data key and the data.
constexpr std::uint32_t kAlgorithm = 1;
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kWrappedBytes = SealKey::kOverhead + SealKey::kKeyBytes;
constexpr std::size_t kKeyFileBytes = 8 + 4 + 4 + 8 + 8 + kSaltBytes + kWrappedBytes + 4;
static_assert(kSaltBytes == 16 && kKeyFileBytes == 124);
/// Above libsodium's "sensitive" level nothing here writes a key file; a file asking for more is
/// refused before Argon2id runs (a crafted file could otherwise ask for terabytes).
constexpr std::uint64_t kMaxOps = crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr std::uint64_t kMaxMem = crypto_pwhash_MEMLIMIT_SENSITIVE;

/// sodium_init() once per process: it picks the implementations and seeds the random source.
bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char* bytesOf(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* bytesOf(std::string& s) {
    return reinterpret_cast<unsigned char*>(s.data());
}

bool limitsAllowed(const KdfLimits& l) {
    return l.ops >= crypto_pwhash_OPSLIMIT_MIN && l.ops <= kMaxOps &&
           l.mem >= crypto_pwhash_MEMLIMIT_MIN && l.mem <= kMaxMem;
}

/// The passphrase key: Argon2id over the passphrase and the salt. Wiped by the caller.
bool derive(std::array<unsigned char, SealKey::kKeyBytes>& out, const Secret& passphrase,
            const unsigned char* salt, const KdfLimits& limits) {
    return sodiumReady() &&
           crypto_pwhash(out.data(), out.size(), passphrase.view().data(), passphrase.view().size(),
                         salt, static_cast<unsigned long long>(limits.ops),
                         static_cast<std::size_t>(limits.mem),
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::string sealWith(const unsigned char* key, std::string_view plain) {
    std::string out(SealKey::kOverhead + plain.size(), '\0');
    unsigned char* nonce = bytesOf(out);
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, bytesOf(plain), plain.size(), nonce,
                          key);
    return out;
}

bool openWith(const unsigned char* key, std::string_view sealed, unsigned char* out) {
    if (sealed.size() < SealKey::kOverhead) return false;
    const unsigned char* nonce = bytesOf(sealed);
    return crypto_secretbox_open_easy(out, nonce + crypto_secretbox_NONCEBYTES,
                                      sealed.size() - crypto_secretbox_NONCEBYTES, nonce,
                                      key) == 0;
}

} // namespace

Secret::~Secret() {
    wipe(m_bytes);
}

Secret::Secret(Secret&& other) noexcept : m_bytes(std::move(other.m_bytes)) {
    wipe(other.m_bytes); // a short string's bytes stay in the moved-from object
}

Secret& Secret::operator=(Secret&& other) noexcept {
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        wipe(other.m_bytes);
    }
    return *this;
}

void wipe(void* bytes, std::size_t size) {
    if (size > 0) sodium_memzero(bytes, size);
}

void wipe(std::string& s) {
    wipe(s.data(), s.capacity()); // the whole buffer: earlier, longer content may linger
    s.clear();
}

KdfLimits KdfLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfLimits KdfLimits::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::unique_ptr<SealKey> SealKey::generate() {
    if (!sodiumReady()) return nullptr;
    std::unique_ptr<SealKey> key(new SealKey);
    crypto_secretbox_keygen(key->m_key.data());
    return key;
}

SealKey::~SealKey() {
    wipe(m_key.data(), m_key.size());
}

std::string SealKey::seal(std::string_view plain) const {
    return sealWith(m_key.data(), plain);
}

std::optional<std::string> SealKey::open(std::string_view sealed) const {
    if (sealed.size() < kOverhead) return std::nullopt;
    std::string plain(sealed.size() - kOverhead, '\0');
    if (!openWith(m_key.data(), sealed, bytesOf(plain))) return std::nullopt;
    return plain;
}

Result<std::string> KeyFileCodec::wrap(const SealKey& key, const Secret& passphrase,
                                       KdfLimits limits) {
    if (passphrase.empty()) return FieldError{kKeyFileName, "", Str::StoreEmptyPassphrase, ""};
    if (!limitsAllowed(limits) || !sodiumReady()) {
        return FieldError{kKeyFileName, "", Str::StoreKdfFailed, ""};
    }
    std::string out(kKeyMagic);
    putU32(out, kKeyFileVersion);
    putU32(out, kAlgorithm);
    putU64(out, limits.ops);
    putU64(out, limits.mem);
    std::string salt(kSaltBytes, '\0');
    randombytes_buf(bytesOf(salt), salt.size());
    out += salt;
    std::array<unsigned char, SealKey::kKeyBytes> wrapping{};
    if (!derive(wrapping, passphrase, bytesOf(salt), limits)) {
        return FieldError{kKeyFileName, "", Str::StoreKdfFailed, ""};
    }
    const std::string_view plainKey(reinterpret_cast<const char*>(key.m_key.data()),
                                    key.m_key.size());
    out += sealWith(wrapping.data(), plainKey);
    wipe(wrapping.data(), wrapping.size());
    putU32(out, crc32(out));
    return out;
}

std::optional<KdfLimits> KeyFileCodec::limits(std::string_view file) {
    if (file.size() != kKeyFileBytes || file.substr(0, 8) != kKeyMagic) return std::nullopt;
    return KdfLimits{getU64(file, 16), getU64(file, 24)};
}

Result<std::unique_ptr<SealKey>> KeyFileCodec::unwrap(std::string_view file,
                                                      const Secret& passphrase,
                                                      const std::string& name) {
    const auto asked = limits(file);
    if (!asked || getU32(file, kKeyFileBytes - 4) != crc32(file.substr(0, kKeyFileBytes - 4))) {
        return FieldError{name, "", Str::StoreKeyFileDamaged, kKeyFileName};
    }
    if (getU32(file, 8) != kKeyFileVersion || getU32(file, 12) != kAlgorithm) {
        return FieldError{name, std::to_string(getU32(file, 8)), Str::SerialNewerVersion,
                          kKeyFileName};
    }
    if (!limitsAllowed(*asked)) {
        return FieldError{name, "", Str::StoreKeyLimits,
                          std::to_string(asked->ops) + " x " + std::to_string(asked->mem)};
    }
    if (passphrase.empty()) return FieldError{name, "", Str::StoreEncrypted, ""};
    constexpr std::size_t saltAt = 32;
    std::array<unsigned char, SealKey::kKeyBytes> wrapping{};
    if (!derive(wrapping, passphrase, bytesOf(file) + saltAt, *asked)) {
        return FieldError{name, "", Str::StoreKdfFailed, ""};
    }
    std::unique_ptr<SealKey> key(new SealKey);
    const bool opened =
        openWith(wrapping.data(), file.substr(saltAt + kSaltBytes, kWrappedBytes), key->m_key.data());
    wipe(wrapping.data(), wrapping.size());
    // The tag of the wrapped key failing while the file's CRC is right: the passphrase is wrong.
    if (!opened) return FieldError{name, "", Str::StoreWrongPassphrase, ""};
    return key;
}

std::string sealFile(const SealKey& key, std::string_view bytes) {
    return std::string(kSealedFileMagic) + key.seal(bytes);
}

bool isSealedFile(std::string_view bytes) {
    return bytes.size() >= kSealedFileMagic.size() + SealKey::kOverhead &&
           bytes.substr(0, kSealedFileMagic.size()) == kSealedFileMagic;
}

} // namespace nuanxin
