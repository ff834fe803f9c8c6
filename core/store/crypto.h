#pragma once
// Protected data at rest: the pieces of libsodium an encrypted store uses, behind a small API.
//
// Two keys, so that changing the passphrase never rewrites the data:
// - the data key: 32 random bytes; every journal record, the snapshot and every kept journal
//   tail is sealed with it by crypto_secretbox (XSalsa20-Poly1305: secret and authenticated, a
//   random 24-byte nonce per sealed piece, so nonces never need a counter kept on disk);
// - the passphrase key: derived from the passphrase by Argon2id (crypto_pwhash) with a random
//   salt; it only seals ("wraps") the data key inside the key file (kKeyFileName).
// The key file holds the salt, the Argon2id limits and the wrapped data key; the Poly1305 tag of
// the wrapped key is the check value: a wrong passphrase fails it and is refused as such, before
// any store file is read. Its own CRC-32 tells a damaged key file from a wrong passphrase.
// Key material (passphrases, derived and data keys) lives in objects that wipe it with
// sodium_memzero when they go, and is never printed.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/error.h"

namespace nuanxin {

/// @brief Bytes to keep secret (a passphrase): wiped when destroyed, never copied implicitly.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view bytes) : m_bytes(bytes) {}
    ~Secret();
    Secret(Secret&& other) noexcept;
    Secret& operator=(Secret&& other) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    [[nodiscard]] std::string_view view() const { return m_bytes; }
    [[nodiscard]] bool empty() const { return m_bytes.empty(); }

private:
    std::string m_bytes;
};

/// @brief Overwrites memory so that the compiler cannot drop it (sodium_memzero).
void wipe(void* bytes, std::size_t size);
/// @brief Wipes a string's bytes, then empties it.
void wipe(std::string& s);

/// @brief Argon2id work limits, kept in the key file (so a store opens with the limits it was
/// made with, whatever the defaults are later).
struct KdfLimits {
    std::uint64_t ops = 0; ///< passes over the memory
    std::uint64_t mem = 0; ///< bytes of memory
    /// @brief libsodium's "interactive" level: 2 passes over 64 MiB (the default).
    [[nodiscard]] static KdfLimits interactive();
    /// @brief libsodium's minimum (1 pass, 8 KiB): for tests that open many stores, never for
    /// real data.
    [[nodiscard]] static KdfLimits minimum();
};

/// @brief The data key of one store. Seals and opens pieces of its files.
class SealKey {
public:
    static constexpr std::size_t kKeyBytes = 32;
    /// nonce (24) + Poly1305 tag (16): what sealing adds to a piece
    static constexpr std::size_t kOverhead = 40;

    /// @brief A new random key.
    [[nodiscard]] static std::unique_ptr<SealKey> generate();
    ~SealKey();
    SealKey(const SealKey&) = delete;
    SealKey& operator=(const SealKey&) = delete;

    /// @brief nonce ‖ tag ‖ ciphertext of `plain` (kOverhead bytes longer).
    [[nodiscard]] std::string seal(std::string_view plain) const;
    /// @brief The plaintext, or nullopt when `sealed` was not sealed with this key or was
    /// changed in any bit (nothing of it is returned then).
    [[nodiscard]] std::optional<std::string> open(std::string_view sealed) const;

private:
    SealKey() = default;
    friend class KeyFileCodec;
    std::array<unsigned char, kKeyBytes> m_key{};
};

/// @brief The key file of an encrypted store, in the store's folder.
inline constexpr const char* kKeyFileName = "encryption.nxk";
/// @brief Magic of a sealed whole file (a kept journal tail of an encrypted store).
inline constexpr std::string_view kSealedFileMagic{"NXSEALED", 8};

/// @brief Writes and reads key files. Layout (little-endian): magic "NXKEY\r\n\0", format
/// version (u32 = 1), algorithm (u32 = 1: Argon2id v1.3 → XSalsa20-Poly1305), opslimit (u64),
/// memlimit (u64), salt (16 bytes), wrapped data key (nonce 24 + tag 16 + key 32), CRC-32 of
/// everything before it (u32). 124 bytes.
class KeyFileCodec {
public:
    /// @brief A key file wrapping `key` under `passphrase` with a fresh salt; an error when
    /// Argon2id could not run (out of memory) or the passphrase is empty.
    [[nodiscard]] static Result<std::string> wrap(const SealKey& key, const Secret& passphrase,
                                                  KdfLimits limits);
    /// @brief The data key inside `file`: refused clearly as a wrong passphrase, a damaged or
    /// foreign key file, or limits beyond what any nuanxin writes. `name` (the store or the
    /// file) goes into the errors.
    [[nodiscard]] static Result<std::unique_ptr<SealKey>>
    unwrap(std::string_view file, const Secret& passphrase, const std::string& name);
    /// @brief The Argon2id limits a key file asks for (nullopt when it is not a key file).
    [[nodiscard]] static std::optional<KdfLimits> limits(std::string_view file);
};

/// @brief A whole file sealed as one piece: kSealedFileMagic ‖ key.seal(bytes).
[[nodiscard]] std::string sealFile(const SealKey& key, std::string_view bytes);
[[nodiscard]] bool isSealedFile(std::string_view bytes);

} // namespace nuanxin
