// sendSmtp over libcurl's SMTP (see smtp_client.hpp).
#include "mail/smtp_client.hpp"

#include "common/curl_global.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace marquee::server::mail {

namespace {

struct EasyCleanup {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Conversation {
    const std::string* mime = nullptr;
    std::size_t sent = 0;
    const std::function<bool()>* cancelled = nullptr;
    // The last error reply (4xx/5xx) the server sent; the QUIT that follows must not hide it.
    long errorCode = 0;
    std::string errorText;
};

std::size_t readMime(char* buffer, std::size_t size, std::size_t count, void* userData) {
    auto& conversation = *static_cast<Conversation*>(userData);
    const auto left = conversation.mime->size() - conversation.sent;
    const auto n = std::min(left, size * count);
    std::memcpy(buffer, conversation.mime->data() + conversation.sent, n);
    conversation.sent += n;
    return n;
}

// Server replies arrive as CURLINFO_HEADER_IN lines ("550 5.1.1 <x@y>: no such user\r\n").
int recordReplies(CURL*, curl_infotype type, char* data, std::size_t size, void* userData) {
    if (type != CURLINFO_HEADER_IN || size < 3) return 0;
    auto& conversation = *static_cast<Conversation*>(userData);
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    const char first = line[0];
    if ((first == '4' || first == '5') && std::isdigit(static_cast<unsigned char>(line[1])) &&
        std::isdigit(static_cast<unsigned char>(line[2]))) {
        conversation.errorCode = std::stol(line.substr(0, 3));
        conversation.errorText = std::move(line);
    }
    return 0;
}

int checkCancelled(void* userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& conversation = *static_cast<Conversation*>(userData);
    return (*conversation.cancelled && (*conversation.cancelled)()) ? 1 : 0;
}

SmtpResult classify(CURLcode code, const Conversation& conversation, const char* errorBuffer) {
    using Outcome = SmtpResult::Outcome;
    if (code == CURLE_OK) return {Outcome::Accepted, 250, "accepted"};
    const std::string curlText = *errorBuffer != '\0' ? errorBuffer : curl_easy_strerror(code);
    switch (code) {
    // Authentication and a refused STARTTLS are this server's configuration, not the message:
    // retried, so mail flows again once the operator fixes it.
    case CURLE_LOGIN_DENIED:
        return {Outcome::Transient, conversation.errorCode,
                conversation.errorText.empty() ? curlText : conversation.errorText};
    case CURLE_USE_SSL_FAILED:
    // Network trouble is transient whatever was replied before it (a refused EHLO, say).
    case CURLE_ABORTED_BY_CALLBACK:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_GOT_NOTHING:
        return {Outcome::Transient, 0, curlText};
    default:
        break;
    }
    // The server refused a command: 5xx means never, 4xx means later.
    if (conversation.errorCode == 0) return {Outcome::Transient, 0, curlText};
    const auto outcome = conversation.errorCode >= 500 ? Outcome::Permanent : Outcome::Transient;
    return {outcome, conversation.errorCode, conversation.errorText};
}

} // namespace

const char* outcomeName(SmtpResult::Outcome outcome) {
    switch (outcome) {
    case SmtpResult::Outcome::Accepted: return "accepted";
    case SmtpResult::Outcome::Transient: return "transient";
    case SmtpResult::Outcome::Permanent: return "permanent";
    }
    return "unknown";
}

SmtpResult sendSmtp(const SmtpSettings& settings, const std::string& envelopeFrom, const std::string& recipient,
                    const std::string& mime, const std::function<bool()>& cancelled) {
    initCurlOnce();
    const std::unique_ptr<CURL, EasyCleanup> curl(curl_easy_init());
    if (!curl) return {SmtpResult::Outcome::Transient, 0, "libcurl could not create a handle"};
    Conversation conversation;
    conversation.mime = &mime;
    conversation.cancelled = &cancelled;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    // The URL path is the EHLO name.
    const auto url = settings.url + (settings.url.back() == '/' ? "" : "/") + settings.heloName;
    const auto from = "<" + envelopeFrom + ">";
    const std::unique_ptr<curl_slist, SlistFree> recipients(curl_slist_append(nullptr, ("<" + recipient + ">").c_str()));
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
    curl_easy_setopt(h, CURLOPT_READFUNCTION, readMime);
    curl_easy_setopt(h, CURLOPT_READDATA, &conversation);
    // STARTTLS whenever the server offers it; with requireTls a server that does not is refused.
    curl_easy_setopt(h, CURLOPT_USE_SSL, settings.requireTls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    if (!settings.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, settings.caFile.c_str());
    if (!settings.user.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, settings.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeout.count()));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    // One connection per message, ended with QUIT: nothing half-used lingers between sends.
    curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_VERBOSE, 1L); // feeds recordReplies; nothing is printed
    curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, recordReplies);
    curl_easy_setopt(h, CURLOPT_DEBUGDATA, &conversation);
    if (cancelled) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, checkCancelled);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, &conversation);
    }
    const auto code = curl_easy_perform(h);
    return classify(code, conversation, errorBuffer);
}

} // namespace marquee::server::mail
