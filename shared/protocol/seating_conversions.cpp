// Field-by-field mapping between core seating layouts and seating.proto.
#include "marquee/protocol/seating_conversions.hpp"

#include "marquee/core/base64.hpp"
#include "marquee/core/seating/layout_json.hpp"

#include <cmath>
#include <unordered_map>

namespace marquee::protocol {

namespace seating = core::seating;

namespace {

// Index + 1 of each category id; unknown ids travel as 0 (validate() reports them).
using CategoryNumbers = std::unordered_map<std::string, std::uint32_t>;

std::uint32_t categoryNumber(const CategoryNumbers& numbers, const std::string& id) {
    if (id.empty()) return 0;
    const auto it = numbers.find(id);
    return it == numbers.end() ? 0 : it->second;
}

void toProto(seating::Point in, v1::LayoutPoint* out) {
    out->set_x(static_cast<float>(in.x));
    out->set_y(static_cast<float>(in.y));
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw seating::LayoutFormatError(path + ": " + what);
}

double finite(float value, const std::string& path) {
    if (!std::isfinite(value)) fail(path, "expected a finite number");
    return static_cast<double>(value);
}

seating::Point fromProto(const v1::LayoutPoint& in, const std::string& path) {
    return {finite(in.x(), path + ".x"), finite(in.y(), path + ".y")};
}

// `path` is called only to word an error, so the per-seat path is never built otherwise.
template <typename PathFn>
std::string categoryId(const seating::Layout& layout, std::uint32_t number, PathFn path) {
    if (number == 0) return {};
    if (number > layout.priceCategories.size())
        fail(path(), "price category " + std::to_string(number) + " but the layout has " +
                         std::to_string(layout.priceCategories.size()));
    return layout.priceCategories[number - 1].id;
}

} // namespace

v1::SeatingLayout toProto(const seating::Layout& layout, bool withBackground) {
    v1::SeatingLayout out;
    out.set_id(layout.id);
    out.set_venue_id(layout.venueId);
    out.set_name(layout.name);
    out.set_version(layout.version);
    out.set_width(static_cast<float>(layout.width));
    out.set_height(static_cast<float>(layout.height));
    toProto(layout.focalPoint, out.mutable_focal_point());
    out.set_focal_label(layout.focalLabel);
    out.set_stage_width(static_cast<float>(layout.stageWidth));
    out.set_stage_height(static_cast<float>(layout.stageHeight));
    out.set_seat_pitch(static_cast<float>(layout.seatPitch));
    out.set_next_id(layout.nextId);
    CategoryNumbers numbers;
    for (const auto& category : layout.priceCategories) {
        numbers.emplace(category.id, static_cast<std::uint32_t>(out.price_categories_size() + 1));
        auto* c = out.add_price_categories();
        c->set_id(category.id);
        c->set_name(category.name);
        c->set_price_minor(category.priceMinor);
        c->set_currency(category.currency);
        c->set_colour_rgb(category.colourRgb);
    }
    out.mutable_areas()->Reserve(static_cast<int>(layout.areas.size()));
    for (const auto& area : layout.areas) {
        auto* a = out.add_areas();
        a->set_id(area.id);
        a->set_label(area.label);
        a->set_general_admission(area.kind == seating::AreaKind::GeneralAdmission);
        for (const auto& p : area.outline) toProto(p, a->add_outline());
        a->set_capacity(area.capacity);
        a->set_price_category(categoryNumber(numbers, area.priceCategoryId));
        a->mutable_rows()->Reserve(static_cast<int>(area.rows.size()));
        for (const auto& row : area.rows) {
            auto* r = a->add_rows();
            r->set_id(row.id);
            r->set_label(row.label);
            r->set_circular(row.circular);
            if (row.tableCentre) toProto(*row.tableCentre, r->mutable_table_centre());
            r->set_table_radius(static_cast<float>(row.tableRadius));
            r->mutable_seats()->Reserve(static_cast<int>(row.seats.size()));
            for (const auto& seat : row.seats) {
                auto* s = r->add_seats();
                s->set_id(seat.id);
                s->set_label(seat.label);
                s->set_x(static_cast<float>(seat.position.x));
                s->set_y(static_cast<float>(seat.position.y));
                s->set_rotation_deg(static_cast<float>(seat.rotationDeg));
                s->set_price_category(categoryNumber(numbers, seat.priceCategoryId));
                s->set_flags(seat.flags);
            }
        }
    }
    if (withBackground && layout.background) {
        const auto& b = *layout.background;
        auto* bg = out.mutable_background();
        bg->set_mime_type(b.mimeType);
        // The core keeps the image as base64 checked on import; undecodable data is dropped.
        bg->set_data(core::base64Decode(b.dataBase64).value_or(std::string()));
        toProto(b.topLeft, bg->mutable_top_left());
        bg->set_width(static_cast<float>(b.width));
        bg->set_height(static_cast<float>(b.height));
        bg->set_opacity(static_cast<float>(b.opacity));
    }
    return out;
}

seating::Layout fromProto(const v1::SeatingLayout& in) {
    seating::Layout layout;
    layout.id = in.id();
    layout.venueId = in.venue_id();
    layout.name = in.name();
    layout.version = in.version();
    layout.width = finite(in.width(), "width");
    layout.height = finite(in.height(), "height");
    layout.focalPoint = fromProto(in.focal_point(), "focal_point");
    layout.focalLabel = in.focal_label();
    layout.stageWidth = finite(in.stage_width(), "stage_width");
    layout.stageHeight = finite(in.stage_height(), "stage_height");
    if (layout.stageWidth < 0 || layout.stageHeight < 0) fail("stage_width", "must not be negative");
    layout.seatPitch = finite(in.seat_pitch(), "seat_pitch");
    if (layout.seatPitch <= 0) fail("seat_pitch", "must be positive");
    layout.nextId = in.next_id();
    for (const auto& c : in.price_categories()) {
        layout.priceCategories.push_back({c.id(), c.name(), c.price_minor(), c.currency(), c.colour_rgb()});
    }
    layout.areas.reserve(static_cast<std::size_t>(in.areas_size()));
    for (int ai = 0; ai < in.areas_size(); ++ai) {
        const auto& a = in.areas(ai);
        const std::string areaPath = "areas[" + std::to_string(ai) + "]";
        seating::Area area;
        area.id = a.id();
        area.label = a.label();
        area.kind = a.general_admission() ? seating::AreaKind::GeneralAdmission : seating::AreaKind::Seated;
        for (int pi = 0; pi < a.outline_size(); ++pi)
            area.outline.push_back(fromProto(a.outline(pi), areaPath + ".outline[" + std::to_string(pi) + "]"));
        area.capacity = a.capacity();
        area.priceCategoryId = categoryId(layout, a.price_category(), [&] { return areaPath + ".price_category"; });
        area.rows.reserve(static_cast<std::size_t>(a.rows_size()));
        for (int ri = 0; ri < a.rows_size(); ++ri) {
            const auto& r = a.rows(ri);
            seating::Row row;
            row.id = r.id();
            row.label = r.label();
            row.circular = r.circular();
            const auto rowPath = [&] { return areaPath + ".rows[" + std::to_string(ri) + "]"; };
            if (r.has_table_centre()) row.tableCentre = fromProto(r.table_centre(), rowPath() + ".table_centre");
            row.tableRadius = finite(r.table_radius(), rowPath() + ".table_radius");
            row.seats.reserve(static_cast<std::size_t>(r.seats_size()));
            for (int si = 0; si < r.seats_size(); ++si) {
                const auto& s = r.seats(si);
                const auto seatPath = [&] { return rowPath() + ".seats[" + std::to_string(si) + "]"; };
                seating::Seat seat;
                seat.id = s.id();
                seat.label = s.label();
                // Paths are only built for the rare error, not per seat.
                if (!std::isfinite(s.x()) || !std::isfinite(s.y()) || !std::isfinite(s.rotation_deg()))
                    fail(seatPath(), "expected finite coordinates");
                seat.position = {static_cast<double>(s.x()), static_cast<double>(s.y())};
                seat.rotationDeg = static_cast<double>(s.rotation_deg());
                seat.priceCategoryId = categoryId(layout, s.price_category(), [&] { return seatPath() + ".price_category"; });
                if (s.flags() > 0xFF)
                    fail(seatPath() + ".flags", "unknown flag bits");
                seat.flags = static_cast<std::uint8_t>(s.flags());
                row.seats.push_back(std::move(seat));
            }
            area.rows.push_back(std::move(row));
        }
        layout.areas.push_back(std::move(area));
    }
    if (in.has_background()) {
        const auto& bg = in.background();
        if (bg.mime_type() != "image/svg+xml" && bg.mime_type() != "image/png")
            fail("background.mime_type", "expected image/svg+xml or image/png, found \"" + bg.mime_type() + "\"");
        seating::BackgroundImage image;
        image.mimeType = bg.mime_type();
        image.dataBase64 = core::base64Encode(bg.data());
        image.topLeft = fromProto(bg.top_left(), "background.top_left");
        image.width = finite(bg.width(), "background.width");
        image.height = finite(bg.height(), "background.height");
        image.opacity = finite(bg.opacity(), "background.opacity");
        layout.background = std::move(image);
    }
    return layout;
}

} // namespace marquee::protocol
