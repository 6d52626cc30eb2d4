// LayoutEdit, LayoutCommand and the editor operations built on them.
#include "editor/layoutcommands.h"

#include <QCoreApplication>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace marquee::client {

namespace cs = core::seating;

namespace {

class LayoutCommands {
    Q_DECLARE_TR_FUNCTIONS(LayoutCommands)
};

} // namespace

// ---- LayoutEdit ----

LayoutEdit::LayoutEdit(const cs::Layout& base, std::uint64_t firstFreeId) : m_base(base)
{
    copyEditableLayoutFields(m_ids, base);
    m_ids.id = base.id;
    m_ids.venueId = base.venueId;
    m_ids.nextId = std::max(firstFreeId, base.nextId);
}

cs::Area& LayoutEdit::area(std::size_t baseIndex)
{
    return m_touched.try_emplace(baseIndex, m_base.areas.at(baseIndex)).first->second;
}

cs::Area& LayoutEdit::addArea(cs::Area area)
{
    m_added.push_back(std::move(area));
    return m_added.back();
}

void LayoutEdit::removeArea(std::size_t baseIndex)
{
    m_touched.erase(baseIndex);
    m_removed.insert(baseIndex);
}

cs::Layout& LayoutEdit::header()
{
    if (!m_header) {
        m_header.emplace();
        copyEditableLayoutFields(*m_header, m_base);
    }
    return *m_header;
}

void LayoutEdit::setBackground(std::optional<cs::BackgroundImage> image) { m_background = std::move(image); }

std::string LayoutEdit::allocateId(char prefix) { return m_ids.allocateId(prefix); }

bool LayoutEdit::changesSomething() const
{
    if (!m_removed.empty() || !m_added.empty())
        return true;
    for (const auto& [index, area] : m_touched)
        if (!(area == m_base.areas[index]))
            return true;
    if (m_header) {
        cs::Layout original;
        copyEditableLayoutFields(original, m_base);
        if (!(original == *m_header))
            return true;
    }
    return m_background && *m_background != m_base.background;
}

LayoutState LayoutEdit::before() const
{
    LayoutState s;
    for (const cs::Area& area : m_base.areas)
        s.areaOrder.push_back(area.id);
    for (const auto& [index, area] : m_touched)
        s.areas.push_back(m_base.areas[index]);
    for (std::size_t index : m_removed)
        s.areas.push_back(m_base.areas[index]);
    if (m_header) {
        s.header.emplace();
        copyEditableLayoutFields(*s.header, m_base);
    }
    if (m_background)
        s.background = m_base.background;
    s.nextId = m_base.nextId;
    return s;
}

LayoutState LayoutEdit::after() const
{
    LayoutState s;
    for (std::size_t i = 0; i < m_base.areas.size(); ++i)
        if (!m_removed.count(i))
            s.areaOrder.push_back(m_base.areas[i].id);
    for (const cs::Area& area : m_added)
        s.areaOrder.push_back(area.id);
    for (const auto& [index, area] : m_touched)
        s.areas.push_back(area);
    s.areas.insert(s.areas.end(), m_added.begin(), m_added.end());
    s.header = m_header;
    s.background = m_background;
    s.nextId = m_ids.nextId;
    return s;
}

// ---- LayoutCommand ----

LayoutCommand::LayoutCommand(LayoutDocument* document, const QString& text, LayoutState before, LayoutState after,
                             int mergeKey)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeKey(mergeKey)
{
}

void LayoutCommand::undo() { m_document->applyState(m_before); }

void LayoutCommand::redo() { m_document->applyState(m_after); }

bool LayoutCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const LayoutCommand*>(other);
    if (!next || next->m_mergeKey != m_mergeKey || m_mergeKey == 0)
        return false;
    // What the later step touched first keeps its state from before this step too, since
    // this step did not touch it.
    for (const cs::Area& area : next->m_before.areas) {
        const bool known = std::any_of(m_before.areas.begin(), m_before.areas.end(),
                                       [&](const cs::Area& a) { return a.id == area.id; });
        if (!known)
            m_before.areas.push_back(area);
    }
    if (!m_before.header && next->m_before.header)
        m_before.header = next->m_before.header;
    if (!m_before.background && next->m_before.background)
        m_before.background = next->m_before.background;
    LayoutState merged = next->m_after;
    for (const cs::Area& area : m_after.areas) {
        const bool known = std::any_of(merged.areas.begin(), merged.areas.end(),
                                       [&](const cs::Area& a) { return a.id == area.id; });
        const bool present = std::find(merged.areaOrder.begin(), merged.areaOrder.end(), area.id) != merged.areaOrder.end();
        if (!known && present)
            merged.areas.push_back(area);
    }
    if (!merged.header)
        merged.header = m_after.header;
    if (!merged.background)
        merged.background = m_after.background;
    m_after = std::move(merged);
    return true;
}

bool pushEdit(LayoutDocument* document, const QString& text, const LayoutEdit& edit, int mergeKey)
{
    if (!edit.changesSomething())
        return false;
    document->undoStack()->push(new LayoutCommand(document, text, edit.before(), edit.after(), mergeKey));
    return true;
}

// ---- operations ----

namespace editops {

namespace {

// The selection as base indexes: whole areas, and seats (row, seat) per area.
struct SelectionIndexes {
    std::set<std::size_t> wholeAreas;
    std::map<std::size_t, std::set<std::pair<std::uint32_t, std::uint32_t>>> seats;
};

SelectionIndexes selectionIndexes(const LayoutDocument* doc)
{
    SelectionIndexes out;
    for (const std::string& id : doc->selectedAreas())
        if (auto index = doc->areaIndex(id))
            out.wholeAreas.insert(*index);
    const cs::SeatIndex& index = doc->seatIndex();
    for (const std::string& id : doc->selectedSeats()) {
        if (auto flat = index.indexOf(id)) {
            const cs::SeatLocation& loc = index.location(*flat);
            if (!out.wholeAreas.count(loc.area))
                out.seats[loc.area].insert({loc.row, loc.seat});
        }
    }
    return out;
}

// Calls `visit` for every selected seat (seats of whole areas included) on the edit's copies.
void forEachSelectedSeat(LayoutEdit& edit, const SelectionIndexes& sel, const std::function<void(cs::Seat&)>& visit)
{
    for (std::size_t a : sel.wholeAreas)
        for (cs::Row& row : edit.area(a).rows)
            for (cs::Seat& seat : row.seats)
                visit(seat);
    for (const auto& [a, seats] : sel.seats) {
        cs::Area& area = edit.area(a);
        for (const auto& [r, s] : seats)
            visit(area.rows[r].seats[s]);
    }
}

// Moves or rotates the selection: `map` takes a plan point to its new place; seats turn by
// `turnDeg` too. A table top follows when all its seats are selected.
void transformSelection(LayoutEdit& edit, const SelectionIndexes& sel, const std::function<cs::Point(cs::Point)>& map,
                        double turnDeg)
{
    auto turnSeat = [&](cs::Seat& seat) {
        seat.position = map(seat.position);
        seat.rotationDeg = std::remainder(seat.rotationDeg + turnDeg, 360.0);
    };
    for (std::size_t a : sel.wholeAreas) {
        cs::Area& area = edit.area(a);
        for (cs::Point& p : area.outline)
            p = map(p);
        for (cs::Row& row : area.rows) {
            if (row.tableCentre)
                row.tableCentre = map(*row.tableCentre);
            for (cs::Seat& seat : row.seats)
                turnSeat(seat);
        }
    }
    for (const auto& [a, seats] : sel.seats) {
        cs::Area& area = edit.area(a);
        std::map<std::uint32_t, std::size_t> perRow;
        for (const auto& [r, s] : seats) {
            turnSeat(area.rows[r].seats[s]);
            ++perRow[r];
        }
        for (const auto& [r, count] : perRow) {
            cs::Row& row = area.rows[r];
            if (row.tableCentre && count == row.seats.size())
                row.tableCentre = map(*row.tableCentre);
        }
    }
}

std::optional<std::pair<std::size_t, std::size_t>> findRow(const cs::Layout& layout, const std::string& rowId)
{
    for (std::size_t a = 0; a < layout.areas.size(); ++a)
        for (std::size_t r = 0; r < layout.areas[a].rows.size(); ++r)
            if (layout.areas[a].rows[r].id == rowId)
                return std::pair{a, r};
    return std::nullopt;
}

std::vector<std::string> seatIdsOf(const cs::Area& area, const std::vector<std::size_t>& rows)
{
    std::vector<std::string> ids;
    for (std::size_t r : rows)
        for (const cs::Seat& seat : area.rows[r].seats)
            ids.push_back(seat.id);
    return ids;
}

bool containsPoint(const std::vector<cs::Point>& outline, cs::Point p)
{
    QPolygonF polygon;
    for (const cs::Point& q : outline)
        polygon << QPointF(q.x, q.y);
    return polygon.size() >= 3 && polygon.containsPoint(QPointF(p.x, p.y), Qt::OddEvenFill);
}

std::string addArea(LayoutDocument* doc, const QString& label, const std::vector<Point>& outline, cs::AreaKind kind,
                    std::uint32_t capacity, const std::string& priceCategoryId, const QString& text)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    cs::Area area;
    area.id = edit.allocateId('a');
    area.label = label.toStdString();
    area.kind = kind;
    area.outline = outline;
    area.capacity = capacity;
    area.priceCategoryId = priceCategoryId;
    const std::string id = area.id;
    edit.addArea(std::move(area));
    pushEdit(doc, text, edit);
    return id;
}

} // namespace

std::string addSeatedArea(LayoutDocument* doc, const QString& label, const std::vector<Point>& outline)
{
    return addArea(doc, label, outline, cs::AreaKind::Seated, 0, {}, LayoutCommands::tr("Add area “%1”").arg(label));
}

std::string addGeneralAdmissionArea(LayoutDocument* doc, const QString& label, const std::vector<Point>& outline,
                                    std::uint32_t capacity, const std::string& priceCategoryId)
{
    return addArea(doc, label, outline, cs::AreaKind::GeneralAdmission, capacity, priceCategoryId,
                   LayoutCommands::tr("Add standing area “%1”").arg(label));
}

bool editArea(LayoutDocument* doc, const std::string& areaId, const QString& label, std::uint32_t capacity,
              const std::string& priceCategoryId)
{
    const auto index = doc->areaIndex(areaId);
    if (!index)
        return false;
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    cs::Area& area = edit.area(*index);
    area.label = label.toStdString();
    if (area.kind == cs::AreaKind::GeneralAdmission) {
        area.capacity = capacity;
        area.priceCategoryId = priceCategoryId;
    }
    return pushEdit(doc, LayoutCommands::tr("Edit area “%1”").arg(label), edit);
}

std::vector<std::string> generateRows(LayoutDocument* doc, const std::string& areaId, const QString& newAreaLabel,
                                      const cs::RowBlockSpec& spec, QString* error)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    std::vector<std::string> seatIds;
    try {
        if (!areaId.empty()) {
            const auto index = doc->areaIndex(areaId);
            if (!index || doc->layout().areas[*index].kind != cs::AreaKind::Seated) {
                if (error)
                    *error = LayoutCommands::tr("Rows can only be added to a seated area.");
                return {};
            }
            cs::Area& area = edit.area(*index);
            seatIds = seatIdsOf(area, cs::generateRows(edit.idSource(), area, spec));
        } else {
            cs::Area area;
            area.id = edit.allocateId('a');
            area.label = newAreaLabel.toStdString();
            const auto rows = cs::generateRows(edit.idSource(), area, spec);
            seatIds = seatIdsOf(area, rows);
            // Half a row's depth around the seats, so the outline clears the seat shapes.
            area.outline = cs::outlineAround(area, std::max(spec.seatSpacing, spec.rowSpacing) / 2);
            edit.addArea(std::move(area));
        }
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return {};
    }
    pushEdit(doc, LayoutCommands::tr("Generate %n seat(s)", nullptr, static_cast<int>(seatIds.size())), edit);
    return seatIds;
}

std::vector<std::string> addTable(LayoutDocument* doc, Point centre, double tableRadius, int seats, const QString& label,
                                  const cs::NumberingScheme& numbering, const std::string& priceCategoryId, QString* error)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    cs::Row table;
    try {
        table = cs::generateTable(edit.idSource(), centre, tableRadius, seats, label.toStdString(), numbering,
                                  priceCategoryId);
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return {};
    }
    std::vector<std::string> seatIds;
    for (const cs::Seat& seat : table.seats)
        seatIds.push_back(seat.id);
    const auto& areas = doc->layout().areas;
    const auto host = std::find_if(areas.begin(), areas.end(), [&](const cs::Area& area) {
        return area.kind == cs::AreaKind::Seated && containsPoint(area.outline, centre);
    });
    if (host != areas.end()) {
        edit.area(static_cast<std::size_t>(host - areas.begin())).rows.push_back(std::move(table));
    } else {
        cs::Area area;
        area.id = edit.allocateId('a');
        area.label = LayoutCommands::tr("Table %1").arg(label).toStdString();
        area.rows.push_back(std::move(table));
        area.outline = cs::outlineAround(area, doc->layout().seatPitch);
        edit.addArea(std::move(area));
    }
    pushEdit(doc, LayoutCommands::tr("Add table %1").arg(label), edit);
    return seatIds;
}

bool moveSelection(LayoutDocument* doc, double dx, double dy, int dragKey)
{
    if (!doc->hasSelection() || (dx == 0 && dy == 0))
        return false;
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    transformSelection(edit, selectionIndexes(doc), [&](Point p) { return Point{p.x + dx, p.y + dy}; }, 0);
    return pushEdit(doc, LayoutCommands::tr("Move"), edit, dragKey);
}

bool rotateSelection(LayoutDocument* doc, double degrees, Point pivot, int dragKey)
{
    if (!doc->hasSelection() || std::fmod(degrees, 360.0) == 0)
        return false;
    const double rad = degrees * std::numbers::pi / 180.0;
    const double c = std::cos(rad);
    const double s = std::sin(rad);
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    // Plan y points away from the stage, so a positive angle turns clockwise on screen.
    transformSelection(
        edit, selectionIndexes(doc),
        [&](Point p) {
            const double x = p.x - pivot.x;
            const double y = p.y - pivot.y;
            return Point{pivot.x + x * c - y * s, pivot.y + x * s + y * c};
        },
        degrees);
    return pushEdit(doc, LayoutCommands::tr("Rotate"), edit, dragKey);
}

std::optional<Point> selectionCentre(const LayoutDocument* doc)
{
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    auto take = [&](Point p) {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    };
    const cs::Layout& layout = doc->layout();
    for (const std::string& id : doc->selectedAreas())
        if (auto a = doc->areaIndex(id))
            for (Point p : layout.areas[*a].outline)
                take(p);
    for (std::uint32_t i : doc->selectedSeatIndexes())
        take(doc->seatIndex().seat(i).position);
    if (minX > maxX)
        return std::nullopt;
    return Point{(minX + maxX) / 2, (minY + maxY) / 2};
}

bool deleteSelection(LayoutDocument* doc)
{
    if (!doc->hasSelection())
        return false;
    const SelectionIndexes sel = selectionIndexes(doc);
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    for (std::size_t a : sel.wholeAreas)
        edit.removeArea(a);
    std::size_t removed = 0;
    for (const auto& [a, seats] : sel.seats) {
        cs::Area& area = edit.area(a);
        for (std::size_t r = 0; r < area.rows.size(); ++r) {
            std::vector<cs::Seat>& rowSeats = area.rows[r].seats;
            std::vector<cs::Seat> kept;
            for (std::size_t s = 0; s < rowSeats.size(); ++s)
                if (!seats.count({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(s)}))
                    kept.push_back(std::move(rowSeats[s]));
            removed += rowSeats.size() - kept.size();
            rowSeats = std::move(kept);
        }
        // A row without seats has nothing left to sell or draw.
        std::erase_if(area.rows, [](const cs::Row& row) { return row.seats.empty(); });
    }
    const QString text = sel.wholeAreas.empty()
        ? LayoutCommands::tr("Delete %n seat(s)", nullptr, static_cast<int>(removed))
        : LayoutCommands::tr("Delete %n area(s)", nullptr, static_cast<int>(sel.wholeAreas.size()));
    return pushEdit(doc, text, edit);
}

bool renumberSelectedRows(LayoutDocument* doc, const cs::NumberingScheme& scheme, QString* error)
{
    const SelectionIndexes sel = selectionIndexes(doc);
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    int rows = 0;
    try {
        for (std::size_t a : sel.wholeAreas)
            for (cs::Row& row : edit.area(a).rows) {
                cs::renumberRow(row, scheme);
                ++rows;
            }
        for (const auto& [a, seats] : sel.seats) {
            std::set<std::uint32_t> selectedRows;
            for (const auto& [r, s] : seats)
                selectedRows.insert(r);
            cs::Area& area = edit.area(a);
            for (std::uint32_t r : selectedRows) {
                cs::renumberRow(area.rows[r], scheme);
                ++rows;
            }
        }
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return pushEdit(doc, LayoutCommands::tr("Renumber %n row(s)", nullptr, rows), edit);
}

bool assignPriceCategory(LayoutDocument* doc, const std::string& categoryId)
{
    const SelectionIndexes sel = selectionIndexes(doc);
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    for (std::size_t a : sel.wholeAreas) {
        cs::Area& area = edit.area(a);
        if (area.kind == cs::AreaKind::GeneralAdmission)
            area.priceCategoryId = categoryId;
    }
    forEachSelectedSeat(edit, sel, [&](cs::Seat& seat) { seat.priceCategoryId = categoryId; });
    return pushEdit(doc, LayoutCommands::tr("Assign price category"), edit);
}

bool setFlag(LayoutDocument* doc, cs::SeatFlag flag, bool on)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    forEachSelectedSeat(edit, selectionIndexes(doc), [&](cs::Seat& seat) {
        seat.flags = on ? static_cast<std::uint8_t>(seat.flags | flag) : static_cast<std::uint8_t>(seat.flags & ~flag);
    });
    return pushEdit(doc, on ? LayoutCommands::tr("Set seat flag") : LayoutCommands::tr("Clear seat flag"), edit);
}

bool setRowLabel(LayoutDocument* doc, const std::string& rowId, const QString& label)
{
    const auto where = findRow(doc->layout(), rowId);
    if (!where)
        return false;
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    edit.area(where->first).rows[where->second].label = label.toStdString();
    return pushEdit(doc, LayoutCommands::tr("Rename row to %1").arg(label), edit);
}

bool setSeatLabel(LayoutDocument* doc, const std::string& seatId, const QString& label)
{
    const auto flat = doc->seatIndex().indexOf(seatId);
    if (!flat)
        return false;
    const cs::SeatLocation loc = doc->seatIndex().location(*flat);
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    edit.area(loc.area).rows[loc.row].seats[loc.seat].label = label.toStdString();
    return pushEdit(doc, LayoutCommands::tr("Renumber seat to %1").arg(label), edit);
}

std::string addPriceCategory(LayoutDocument* doc, cs::PriceCategory category)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    category.id = edit.allocateId('p');
    const std::string id = category.id;
    const QString name = QString::fromStdString(category.name);
    edit.header().priceCategories.push_back(std::move(category));
    pushEdit(doc, LayoutCommands::tr("Add price category “%1”").arg(name), edit);
    return id;
}

bool editPriceCategory(LayoutDocument* doc, const cs::PriceCategory& category)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    auto& categories = edit.header().priceCategories;
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [&](const cs::PriceCategory& c) { return c.id == category.id; });
    if (it == categories.end())
        return false;
    *it = category;
    return pushEdit(doc, LayoutCommands::tr("Edit price category “%1”").arg(QString::fromStdString(category.name)), edit);
}

bool removePriceCategory(LayoutDocument* doc, const std::string& categoryId)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    auto& categories = edit.header().priceCategories;
    const auto before = categories.size();
    std::erase_if(categories, [&](const cs::PriceCategory& c) { return c.id == categoryId; });
    if (categories.size() == before)
        return false;
    return pushEdit(doc, LayoutCommands::tr("Remove price category"), edit);
}

bool setFocalPoint(LayoutDocument* doc, Point where, const QString& label)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    edit.header().focalPoint = where;
    edit.header().focalLabel = label.toStdString();
    return pushEdit(doc, LayoutCommands::tr("Set focal point"), edit);
}

bool setBackground(LayoutDocument* doc, std::optional<cs::BackgroundImage> image)
{
    LayoutEdit edit(doc->layout(), doc->nextFreeId());
    const bool clearing = !image.has_value();
    edit.setBackground(std::move(image));
    return pushEdit(doc, clearing ? LayoutCommands::tr("Remove background image") : LayoutCommands::tr("Set background image"),
                    edit);
}

} // namespace editops

} // namespace marquee::client
