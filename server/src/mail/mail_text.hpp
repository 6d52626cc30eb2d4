// How Marquee's mails are written: plain-text and HTML bodies built side by side (so the two
// alternatives always say the same), the greeting and the venue line. Used by every mail.
#pragma once

#include "mail/mail_language.hpp"

#include <string>
#include <utility>
#include <vector>

namespace marquee::server::mail {

class TwoBodies {
public:
    // The HTML document is marked as being in `language` (<html lang>).
    explicit TwoBodies(const MailLanguage& language) : m_language(&language) {}
    void paragraph(const std::string& text);
    // "text URL" in the text body; the URL as a link in the HTML one.
    void paragraphWithLink(const std::string& text, const std::string& url);
    void heading(const std::string& text);
    // Lines of the same block: "label: value" rows ("label : value" in French).
    void rows(const std::vector<std::pair<std::string, std::string>>& rows);
    void list(const std::vector<std::string>& items);
    // Both bodies end with the same signature; `title` is the HTML document's title.
    std::string text() const;
    std::string html(const std::string& title) const;

private:
    const MailLanguage* m_language; // the objects live as long as the process
    std::string m_text;
    std::string m_html;
};

// "Hello Zoë," or "Hello," without a name ("Hallo Zoë,", "Bonjour Zoë,").
std::string greeting(const MailLanguage& language, const std::string& name);
// "Deutsches Theater, Schumannstraße 13a, Berlin" (either part may be empty).
std::string whereText(const std::string& venueName, const std::string& venueAddress);

} // namespace marquee::server::mail
