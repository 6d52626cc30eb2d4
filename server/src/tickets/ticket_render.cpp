// Ticket pages with cairo + pango: PDF (one A6 page per ticket) and PNG, from the core layout.
#include "tickets/ticket_render.hpp"

#include "ingest/text.hpp"
#include "marquee/protocol/ticket_conversions.hpp"
#include "tickets/ticket_issuer.hpp"

#include <cairo-pdf.h>
#include <date/tz.h>
#include <pango/pangocairo.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace marquee::server::tickets {

namespace {

namespace layout = core::tickets;

constexpr double kPointsPerMm = 72.0 / 25.4;

struct Rgb {
    double red, green, blue;
};

Rgb colourOf(layout::Ink ink) {
    switch (ink) {
    case layout::Ink::Text:
        return {0.07, 0.07, 0.07};
    case layout::Ink::Muted:
        return {0.38, 0.38, 0.38};
    case layout::Ink::Alert:
        break;
    }
    return {0.78, 0.10, 0.10};
}

void setInk(cairo_t* cr, layout::Ink ink) {
    const Rgb rgb = colourOf(ink);
    cairo_set_source_rgb(cr, rgb.red, rgb.green, rgb.blue);
}

std::string startText(std::int64_t startsAtMs, const std::string& zoneName) {
    using namespace std::chrono;
    const date::sys_time<minutes> start = floor<minutes>(sys_time<milliseconds>(milliseconds(startsAtMs)));
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(zoneName.empty() ? "UTC" : zoneName);
    } catch (const std::exception&) {
        zone = date::locate_zone("UTC"); // an unknown zone still prints a correct instant
    }
    return date::format("%a %d %b %Y, %H:%M %Z", date::make_zoned(zone, start));
}

std::string moneyText(std::int64_t minor, const std::string& currency) {
    const std::int64_t unit = ingest::minorUnitsPerMajor(currency);
    const std::int64_t magnitude = minor < 0 ? -minor : minor;
    std::string text = (minor < 0 ? "-" : "") + currency + ' ' + std::to_string(magnitude / unit);
    if (unit > 1) {
        std::string fraction = std::to_string(magnitude % unit);
        const std::size_t digits = std::to_string(unit).size() - 1;
        text += '.' + std::string(digits - fraction.size(), '0') + fraction;
    }
    return text;
}

PangoAlignment pangoAlignment(layout::TextAlign align) {
    switch (align) {
    case layout::TextAlign::Left:
        return PANGO_ALIGN_LEFT;
    case layout::TextAlign::Center:
        return PANGO_ALIGN_CENTER;
    case layout::TextAlign::Right:
        break;
    }
    return PANGO_ALIGN_RIGHT;
}

int pangoUnits(double mm) { return static_cast<int>(std::lround(mm * PANGO_SCALE)); }

void paintText(cairo_t* cr, const layout::TextBox& text) {
    std::unique_ptr<PangoLayout, decltype(&g_object_unref)> pango(pango_cairo_create_layout(cr), &g_object_unref);
    // User units are millimetres: hinted metrics or rounded glyph positions would snap each
    // glyph to whole millimetres.
    PangoContext* context = pango_layout_get_context(pango.get());
    std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)> options(cairo_font_options_create(),
                                                                                          &cairo_font_options_destroy);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options.get());
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_layout_context_changed(pango.get());
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> font(
        pango_font_description_new(), &pango_font_description_free);
    pango_font_description_set_family(font.get(), text.monospace ? "DejaVu Sans Mono" : "DejaVu Sans");
    pango_font_description_set_weight(font.get(),
                                      text.weight == layout::TextWeight::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // The size in user units (millimetres) rather than in points.
    pango_font_description_set_absolute_size(font.get(), text.pointSize * layout::kMmPerPoint * PANGO_SCALE);
    pango_layout_set_font_description(pango.get(), font.get());
    pango_layout_set_width(pango.get(), pangoUnits(text.box.width));
    pango_layout_set_height(pango.get(), -text.maxLines); // negative: at most this many lines
    pango_layout_set_wrap(pango.get(), text.monospace ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(pango.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(pango.get(), pangoAlignment(text.align));
    pango_layout_set_text(pango.get(), text.text.c_str(), static_cast<int>(text.text.size()));

    cairo_save(cr);
    setInk(cr, text.ink);
    if (text.rotationDegrees != 0) {
        const double centreX = text.box.x + text.box.width / 2;
        const double centreY = text.box.y + text.box.height / 2;
        cairo_translate(cr, centreX, centreY);
        cairo_rotate(cr, text.rotationDegrees * std::numbers::pi / 180.0);
        cairo_translate(cr, -centreX, -centreY);
    }
    cairo_move_to(cr, text.box.x, text.box.y);
    pango_cairo_show_layout(cr, pango.get());
    cairo_restore(cr);
}

// Dark modules as one path of horizontal runs.
void paintQr(cairo_t* cr, const layout::MmRect& box, const layout::QrMatrix& qr) {
    const double module = box.width / qr.sizeWithQuietZone();
    const double left = box.x + layout::QrMatrix::kQuietZone * module;
    const double top = box.y + layout::QrMatrix::kQuietZone * module;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& run : qr.darkRuns())
        cairo_rectangle(cr, left + run.x * module, top + run.y * module, run.length * module, module);
    cairo_fill(cr);
    cairo_restore(cr);
}

void paintRule(cairo_t* cr, const layout::RuleLine& rule) {
    cairo_save(cr);
    setInk(cr, rule.ink);
    cairo_set_line_width(cr, rule.thicknessMm);
    if (rule.dashed) {
        const double dashes[] = {1.5, 1.0};
        cairo_set_dash(cr, dashes, 2, 0);
    }
    cairo_move_to(cr, rule.x1, rule.y1);
    cairo_line_to(cr, rule.x2, rule.y2);
    cairo_stroke(cr);
    cairo_restore(cr);
}

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

layout::QrMatrix qrOf(const v1::Ticket& ticket) {
    if (ticket.code().empty()) throw std::invalid_argument("ticket " + ticket.id() + " has no code");
    return layout::encodeQr(ticket.code());
}

layout::TicketPage pageFor(const v1::Order& order, const v1::Ticket& ticket, const TicketWording& wording,
                           layout::TicketFormat format = layout::TicketFormat::A6) {
    const protocol::TicketFormatters english{&startText, &moneyText};
    const protocol::TicketFormatters formatters{wording.format.dateTime ? wording.format.dateTime : english.dateTime,
                                                wording.format.money ? wording.format.money : english.money};
    return layout::layoutTicket(protocol::ticketFields(order, ticket, formatters), wording.captions, format);
}

} // namespace

core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket) {
    return protocol::ticketFields(order, ticket, {&startText, &moneyText});
}

void paintTicket(cairo_t* cr, const core::tickets::TicketPage& page, const core::tickets::QrMatrix& qr) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, page.widthMm, page.heightMm);
    cairo_fill(cr);
    cairo_restore(cr);
    paintQr(cr, page.qr, qr);
    for (const auto& rule : page.rules) paintRule(cr, rule);
    for (const auto& text : page.texts) paintText(cr, text);
}

std::string renderTicketsPdf(const v1::Order& order, const TicketWording& wording) {
    if (order.tickets().empty()) throw std::invalid_argument("order " + order.code() + " has no tickets");
    std::string pdf;
    const layout::TicketPage first = pageFor(order, order.tickets(0), wording);
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(&appendToString, &pdf, first.widthMm * kPointsPerMm,
                                                           first.heightMm * kPointsPerMm),
                       &cairo_surface_destroy);
    check(cairo_surface_status(surface.get()), "PDF surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   ("Tickets " + order.code() + " — " + order.event_title()).c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Marquee");
    {
        ContextPtr cr(cairo_create(surface.get()), &cairo_destroy);
        cairo_scale(cr.get(), kPointsPerMm, kPointsPerMm);
        for (const auto& ticket : order.tickets()) {
            const layout::TicketPage page = pageFor(order, ticket, wording);
            cairo_pdf_surface_set_size(surface.get(), page.widthMm * kPointsPerMm, page.heightMm * kPointsPerMm);
            paintTicket(cr.get(), page, qrOf(ticket));
            cairo_show_page(cr.get());
        }
        check(cairo_status(cr.get()), "PDF drawing");
    }
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "PDF output");
    return pdf;
}

std::string renderTicketPng(const v1::Order& order, const v1::Ticket& ticket, double pixelsPerMm,
                            core::tickets::TicketFormat format) {
    const layout::TicketPage page = pageFor(order, ticket, {}, format);
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                                  static_cast<int>(std::ceil(page.widthMm * pixelsPerMm)),
                                                  static_cast<int>(std::ceil(page.heightMm * pixelsPerMm))),
                       &cairo_surface_destroy);
    check(cairo_surface_status(surface.get()), "image surface");
    {
        ContextPtr cr(cairo_create(surface.get()), &cairo_destroy);
        cairo_scale(cr.get(), pixelsPerMm, pixelsPerMm);
        paintTicket(cr.get(), page, qrOf(ticket));
        check(cairo_status(cr.get()), "PNG drawing");
    }
    std::string png;
    check(cairo_surface_write_to_png_stream(surface.get(), &appendToString, &png), "PNG output");
    return png;
}

} // namespace marquee::server::tickets
