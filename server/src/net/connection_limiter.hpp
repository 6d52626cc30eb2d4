// Caps on open connections, in total and per client address, checked in the listener. A
// Slot is held by the HTTP session and then by its WebSocket session; it frees its place
// when the last holder is destroyed.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace marquee::server::net {

class ConnectionLimiter : public std::enable_shared_from_this<ConnectionLimiter> {
public:
    class Slot {
    public:
        Slot(std::shared_ptr<ConnectionLimiter> owner, std::string key) : m_owner(std::move(owner)), m_key(std::move(key)) {}
        ~Slot() { m_owner->release(m_key); }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        std::shared_ptr<ConnectionLimiter> m_owner;
        std::string m_key; // empty: not counted per address (a trusted proxy)
    };

    ConnectionLimiter(std::size_t maxTotal, std::size_t maxPerAddress) : m_maxTotal(maxTotal), m_maxPerAddress(maxPerAddress) {}

    // nullptr when a cap is reached. Empty key: only the total cap applies.
    std::shared_ptr<Slot> tryAcquire(const std::string& key) {
        const std::lock_guard lock(m_mutex);
        if (m_total >= m_maxTotal) return nullptr;
        if (!key.empty()) {
            auto& count = m_perAddress[key];
            if (count >= m_maxPerAddress) {
                if (count == 0) m_perAddress.erase(key);
                return nullptr;
            }
            ++count;
        }
        ++m_total;
        return std::make_shared<Slot>(shared_from_this(), key);
    }

    std::size_t total() const {
        const std::lock_guard lock(m_mutex);
        return m_total;
    }

private:
    void release(const std::string& key) {
        const std::lock_guard lock(m_mutex);
        --m_total;
        if (key.empty()) return;
        const auto it = m_perAddress.find(key);
        if (it != m_perAddress.end() && --it->second == 0) m_perAddress.erase(it);
    }

    const std::size_t m_maxTotal;
    const std::size_t m_maxPerAddress;
    mutable std::mutex m_mutex;
    std::size_t m_total = 0;
    std::unordered_map<std::string, std::size_t> m_perAddress;
};

} // namespace marquee::server::net
