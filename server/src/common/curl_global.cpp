// initCurlOnce (see curl_global.hpp).
#include "common/curl_global.hpp"

#include <curl/curl.h>

#include <mutex>

namespace marquee::server {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace marquee::server
