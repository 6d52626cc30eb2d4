// Mail bodies in text and HTML (see mail_text.hpp).
#include "mail/mail_text.hpp"

#include "mail/notifications.hpp"

#include <algorithm>

namespace marquee::server::mail {

void TwoBodies::paragraph(const std::string& text) {
    m_text += text + "\r\n\r\n";
    m_html += "<p>" + htmlEscape(text) + "</p>\n";
}

void TwoBodies::paragraphWithLink(const std::string& text, const std::string& url) {
    m_text += text + " " + url + "\r\n\r\n";
    m_html += "<p>" + htmlEscape(text) + " <a href=\"" + htmlEscape(url) + "\">" + htmlEscape(url) + "</a></p>\n";
}

void TwoBodies::heading(const std::string& text) {
    m_text += text + "\r\n" + std::string(std::min<std::size_t>(text.size(), 60), '=') + "\r\n";
    m_html += "<h2>" + htmlEscape(text) + "</h2>\n";
}

void TwoBodies::rows(const std::vector<std::pair<std::string, std::string>>& rows) {
    m_html += "<table>\n";
    for (const auto& [label, value] : rows) {
        // Translators: one row of a mail, label and value ("When: Saturday, ...").
        m_text += (label.empty() ? value : m_language->tr("{1}: {2}", label, value)) + "\r\n";
        m_html += "<tr><th align=\"left\">" + htmlEscape(label) + "</th><td>" + htmlEscape(value) + "</td></tr>\n";
    }
    m_text += "\r\n";
    m_html += "</table>\n";
}

void TwoBodies::list(const std::vector<std::string>& items) {
    m_html += "<ul>\n";
    for (const auto& item : items) {
        m_text += "  - " + item + "\r\n";
        m_html += "<li>" + htmlEscape(item) + "</li>\n";
    }
    m_text += "\r\n";
    m_html += "</ul>\n";
}

std::string TwoBodies::text() const { return m_text + "-- \r\nMarquee\r\n"; }

std::string TwoBodies::html(const std::string& title) const {
    return "<!DOCTYPE html>\n<html lang=\"" + m_language->code() + "\"><head><meta charset=\"utf-8\"><title>" + htmlEscape(title) +
           "</title></head>\n<body>\n" + m_html + "<p>&mdash; Marquee</p>\n</body></html>\n";
}

std::string greeting(const MailLanguage& language, const std::string& name) {
    return name.empty() ? language.tr("Hello,") : language.tr("Hello {1},", name);
}

std::string whereText(const std::string& venueName, const std::string& venueAddress) {
    if (venueAddress.empty()) return venueName;
    if (venueName.empty()) return venueAddress;
    return venueName + ", " + venueAddress;
}

} // namespace marquee::server::mail
