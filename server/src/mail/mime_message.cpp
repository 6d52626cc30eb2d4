// composeMime and newMessageId (see mime_message.hpp), on GMime 3.
#include "mail/mime_message.hpp"

#include "mail/gmime.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace marquee::server::mail {

namespace gm {

void ensureInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

} // namespace gm

namespace {

struct DateTimeUnref {
    void operator()(GDateTime* date) const { g_date_time_unref(date); }
};
struct FormatOptionsFree {
    void operator()(GMimeFormatOptions* options) const { g_mime_format_options_free(options); }
};

// Always UTF-8 (GMime would pick the "best" legacy charset); the transfer encoding
// (quoted-printable or base64) is chosen by g_mime_object_encode() once the message is complete.
gm::Ref<GMimeObject> textPart(const char* subtype, const std::string& text) {
    gm::Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype(subtype));
    gm::Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
    gm::Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(part.get()), content.get());
    g_mime_text_part_set_charset(part.get(), "utf-8");
    return gm::Ref<GMimeObject>(GMIME_OBJECT(part.release()));
}

void addMailbox(InternetAddressList* list, const std::string& name, const std::string& address) {
    gm::Ref<InternetAddress> mailbox(internet_address_mailbox_new(name.c_str(), address.c_str()));
    internet_address_set_charset(mailbox.get(), "utf-8"); // for the RFC 2047 words of a non-ASCII name
    internet_address_list_add(list, mailbox.get());
}

gm::Ref<GMimeObject> attachmentPart(const Attachment& attachment) {
    gm::Ref<GMimePart> part(g_mime_part_new());
    GMimeContentType* type = g_mime_content_type_parse(g_mime_parser_options_get_default(),
                                                       attachment.mimeType.c_str());
    if (type == nullptr) throw std::invalid_argument("attachment has no valid MIME type: " + attachment.mimeType);
    g_mime_object_set_content_type(GMIME_OBJECT(part.get()), type);
    g_object_unref(type);
    g_mime_part_set_filename(part.get(), attachment.fileName.c_str()); // also sets "attachment"
    gm::Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(attachment.data.data(), attachment.data.size()));
    gm::Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part.get(), content.get());
    g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
    return gm::Ref<GMimeObject>(GMIME_OBJECT(part.release()));
}

gm::Ref<GMimeObject> multipart(const char* subtype, std::vector<gm::Ref<GMimeObject>> parts) {
    gm::Ref<GMimeMultipart> container(g_mime_multipart_new_with_subtype(subtype));
    for (const auto& part : parts) g_mime_multipart_add(container.get(), part.get()); // takes its own ref
    return gm::Ref<GMimeObject>(GMIME_OBJECT(container.release()));
}

// text/plain alone, or multipart/alternative with the html version last (the preferred one).
gm::Ref<GMimeObject> bodyPart(const OutgoingMail& mail) {
    auto text = textPart("plain", mail.textBody);
    if (mail.htmlBody.empty()) return text;
    std::vector<gm::Ref<GMimeObject>> parts;
    parts.push_back(std::move(text));
    parts.push_back(textPart("html", mail.htmlBody));
    return multipart("alternative", std::move(parts));
}

} // namespace

std::string newMessageId(const std::string& host) {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    std::string uuid;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
        std::array<char, 3> hex{};
        std::snprintf(hex.data(), hex.size(), "%02x", bytes[i]);
        uuid += hex.data();
    }
    return "<" + uuid + "@" + host + ">";
}

std::string composeMime(const MailSender& from, const OutgoingMail& mail, const std::string& messageId,
                        std::chrono::system_clock::time_point date) {
    gm::ensureInitialised();
    if (messageId.size() < 3 || messageId.front() != '<' || messageId.back() != '>')
        throw std::invalid_argument("Message-ID must be <id@host>");

    gm::Ref<GMimeMessage> message(g_mime_message_new(TRUE));
    // Display names are RFC 2047-encoded when they are not plain ASCII.
    addMailbox(g_mime_message_get_from(message.get()), from.name, from.address);
    addMailbox(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO), mail.toName, mail.toAddress);
    g_mime_message_set_subject(message.get(), mail.subject.c_str(), "utf-8");
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(date.time_since_epoch()).count();
    const std::unique_ptr<GDateTime, DateTimeUnref> when(g_date_time_new_from_unix_utc(seconds));
    g_mime_message_set_date(message.get(), when.get());
    const auto bareId = messageId.substr(1, messageId.size() - 2);
    g_mime_message_set_message_id(message.get(), bareId.c_str());
    if (!mail.listUnsubscribeUrl.empty()) {
        // Raw, not as unstructured text: GMime would RFC 2047-encode the long URL, and mail
        // clients want the angle-bracketed URL itself (RFC 2369). The URL is plain ASCII
        // without spaces (unsubscribe.hpp checks the base; the token is base64url).
        GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
        g_mime_header_list_set(headers, "List-Unsubscribe", "", nullptr);
        const auto raw = " <" + mail.listUnsubscribeUrl + ">\r\n";
        g_mime_header_set_raw_value(g_mime_header_list_get_header(headers, "List-Unsubscribe"), raw.c_str());
        g_mime_header_list_set(headers, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", nullptr);
    }

    auto body = bodyPart(mail);
    if (!mail.attachments.empty()) {
        std::vector<gm::Ref<GMimeObject>> parts;
        parts.push_back(std::move(body));
        for (const auto& attachment : mail.attachments) parts.push_back(attachmentPart(attachment));
        body = multipart("mixed", std::move(parts));
    }
    g_mime_message_set_mime_part(message.get(), body.get());
    // 7-bit clean: SMTP servers without 8BITMIME get the same bytes as everyone else.
    g_mime_object_encode(GMIME_OBJECT(message.get()), GMIME_ENCODING_CONSTRAINT_7BIT);

    const std::unique_ptr<GMimeFormatOptions, FormatOptionsFree> options(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
    char* text = g_mime_object_to_string(GMIME_OBJECT(message.get()), options.get());
    if (text == nullptr) throw std::runtime_error("composing the mail failed");
    std::string result(text);
    g_free(text);
    return result;
}

} // namespace marquee::server::mail
