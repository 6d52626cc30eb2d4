// libcurl easy interface: a fresh handle per request (thread safety without locks), no
// signals (CURLOPT_NOSIGNAL; worker threads), http/https only, no redirects.
#include "payments/http_client.hpp"

#include "common/curl_global.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace marquee::server::payments {
namespace {

struct Transfer {
    HttpResponse* response;
    std::size_t limit;
    bool overflow = false;
};

extern "C" std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const auto bytes = size * count;
    if (transfer->response->body.size() + bytes > transfer->limit) {
        transfer->overflow = true;
        return 0; // aborts the transfer (CURLE_WRITE_ERROR)
    }
    transfer->response->body.append(data, bytes);
    return bytes;
}

extern "C" std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const auto bytes = size * count;
    std::string line(data, bytes);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto value = line.substr(colon + 1);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        transfer->response->headers[name] = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
    } else if (line.rfind("HTTP/", 0) == 0) {
        transfer->response->headers.clear(); // a new response (after 100 Continue)
    }
    return bytes;
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

} // namespace

std::string HttpResponse::header(const std::string& lowerCaseName) const {
    const auto it = headers.find(lowerCaseName);
    return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient() : HttpClient(Options{}) {}

HttpClient::HttpClient(Options options) : m_options(std::move(options)) { initCurlOnce(); }

HttpResponse HttpClient::send(const HttpRequest& request) const {
    HttpResponse response;
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy) {
        response.transport = HttpResponse::Transport::ConnectFailed;
        response.error = "curl_easy_init failed";
        return response;
    }
    Transfer transfer{&response, m_options.maxResponseBytes};
    curl_slist* headerList = nullptr;
    for (const auto& header : request.headers) headerList = curl_slist_append(headerList, header.c_str());
    // "Expect: 100-continue" would add a round trip for bodies over 1 KiB.
    headerList = curl_slist_append(headerList, "Expect:");
    const std::unique_ptr<curl_slist, ListDeleter> headers(headerList);
    CURL* h = easy.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, m_options.userAgent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    if (request.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        response.status = status;
        response.transport = HttpResponse::Transport::Completed;
        return response;
    }
    response.error = errorBuffer[0] != '\0' ? std::string(errorBuffer) : std::string(curl_easy_strerror(code));
    if (transfer.overflow) response.error = "response larger than " + std::to_string(m_options.maxResponseBytes) + " bytes";
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        response.transport = HttpResponse::Transport::ConnectFailed;
        break;
    case CURLE_OPERATION_TIMEDOUT: {
        // A timeout while still connecting means nothing was sent.
        curl_off_t connectedAfter = 0;
        curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connectedAfter);
        response.transport = connectedAfter == 0 ? HttpResponse::Transport::ConnectFailed : HttpResponse::Transport::TimedOut;
        break;
    }
    default:
        response.transport = HttpResponse::Transport::Failed;
        break;
    }
    return response;
}

} // namespace marquee::server::payments
