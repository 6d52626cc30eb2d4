// Hello's database step (envelope.proto Hello; docs/protocol.md "Connecting"): a revoked
// box-office device is refused, a signed-in client's UI language becomes its account's mail
// language (a client resumed from a saved session never logs in again), and HelloOk is filled.
#include "services/api_internal.hpp"
#include "services/boxoffice.hpp"

#include "marquee/core/version.hpp"
#include "marquee/protocol/conversions.hpp"

namespace marquee::server::detail {

v1::HelloOk hello(pqxx::connection& conn, const Principal& who, const v1::Hello& request) {
    // A malformed tag is refused before anything is read or written.
    const auto language = mailLanguageOf(request.language());
    const auto& deviceId = request.device_id();
    if (!deviceId.empty() || (language && who.isAuthenticated())) {
        pqxx::work tx(conn);
        // Revocation is for good (docs/boxoffice.md): the device's sessions were ended when it
        // was revoked, and it is not let back in.
        if (!deviceId.empty() && isDeviceRevoked(tx, deviceId))
            fail(v1::FAILED_PRECONDITION, "this device was revoked by an admin; it can no longer connect",
                 {{"reason", "device_revoked"}});
        if (language && who.isAuthenticated()) setMailLanguage(tx, who.userId, *language);
        tx.commit();
    }
    v1::HelloOk ok;
    ok.set_protocol_major(core::kProtocolMajor);
    ok.set_protocol_minor(core::kProtocolMinor);
    ok.set_server_version(core::kProductVersion);
    ok.set_user_id(who.userId);
    ok.set_role(protocol::toProto(who.role));
    ok.set_email(who.email);
    ok.set_head(head(conn));
    return ok;
}

} // namespace marquee::server::detail
