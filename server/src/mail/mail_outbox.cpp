// enqueueMail and the process-wide sender (see mail_outbox.hpp).
#include "mail/mail_outbox.hpp"

#include "mail/gmime.hpp"
#include "mail/mime_message.hpp"
#include "services/api_internal.hpp"

#include <unistd.h>

#include <array>
#include <chrono>
#include <mutex>
#include <stdexcept>

namespace marquee::server::mail {

namespace {

using detail::Statement;

constexpr Statement kInsertMail{
    "mail_insert",
    "INSERT INTO mail_outbox (dedup_key, message_id, kind, recipient, subject, mime) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedup_key) DO NOTHING RETURNING id"};
constexpr Statement kMailByDedupKey{"mail_by_dedup_key", "SELECT id FROM mail_outbox WHERE dedup_key = $1"};
constexpr Statement kNotifyMail{"mail_notify", "SELECT pg_notify('marquee_mail', '')"};

std::mutex g_senderMutex;

MailSender defaultSender() {
    std::array<char, 256> host{};
    if (::gethostname(host.data(), host.size() - 1) != 0 || host[0] == '\0') return {"Marquee", "marquee@localhost"};
    return {"Marquee", std::string("marquee@") + host.data()};
}

MailSender& currentSender() {
    static MailSender sender = defaultSender();
    return sender;
}

// local@domain with both parts non-empty and nothing that would let the value escape the
// address in a header or an SMTP command (spaces, controls, brackets, separators).
bool isPlausibleAddress(std::string_view address) {
    const auto at = address.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
    for (const char c : address) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\')
            return false;
    }
    return address.find('@') == at;
}

} // namespace

std::string MailSender::domain() const { return address.substr(address.rfind('@') + 1); }

std::optional<MailSender> parseMailSender(std::string_view text) {
    gm::ensureInitialised();
    const std::string input(text);
    gm::Ref<InternetAddressList> list(internet_address_list_parse(g_mime_parser_options_get_default(), input.c_str()));
    if (!list || internet_address_list_length(list.get()) != 1) return std::nullopt;
    InternetAddress* address = internet_address_list_get_address(list.get(), 0);
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return std::nullopt;
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    const char* name = internet_address_get_name(address);
    if (addr == nullptr || !isPlausibleAddress(addr)) return std::nullopt;
    return MailSender{name != nullptr ? name : "", addr};
}

void setMailSender(MailSender sender) {
    const std::lock_guard lock(g_senderMutex);
    currentSender() = std::move(sender);
}

MailSender mailSender() {
    const std::lock_guard lock(g_senderMutex);
    return currentSender();
}

std::int64_t enqueueMail(pqxx::transaction_base& tx, const OutgoingMail& mail) {
    if (mail.dedupKey.empty() || mail.kind.empty()) throw std::invalid_argument("mail needs a dedup key and a kind");
    if (!isPlausibleAddress(mail.toAddress))
        throw std::invalid_argument("not a mail address: '" + mail.toAddress + "'");

    // A repeat is answered before composing: composing may render attachments' worth of bytes.
    if (const auto existing = detail::exec(tx, kMailByDedupKey, mail.dedupKey); !existing.empty())
        return existing[0][0].as<std::int64_t>();

    const auto sender = mailSender();
    const auto messageId = newMessageId(sender.domain());
    const auto mime = composeMime(sender, mail, messageId, std::chrono::system_clock::now());
    const auto inserted = detail::exec(tx, kInsertMail, mail.dedupKey, messageId, mail.kind, mail.toAddress,
                                       mail.subject, detail::toBinary(mime));
    // Empty: a concurrent transaction enqueued the same key first and has committed by now.
    if (inserted.empty()) return detail::exec(tx, kMailByDedupKey, mail.dedupKey).at(0)[0].as<std::int64_t>();
    detail::exec(tx, kNotifyMail); // delivered at commit, so the worker never sees an uncommitted row
    return inserted[0][0].as<std::int64_t>();
}

} // namespace marquee::server::mail
