// LayoutDocument implementation.
#include "editor/layoutdocument.h"

#include <QUndoStack>

#include <algorithm>
#include <unordered_map>

namespace marquee::client {

namespace cs = core::seating;

void copyEditableLayoutFields(cs::Layout& to, const cs::Layout& from)
{
    to.name = from.name;
    to.width = from.width;
    to.height = from.height;
    to.focalPoint = from.focalPoint;
    to.focalLabel = from.focalLabel;
    to.seatPitch = from.seatPitch;
    to.priceCategories = from.priceCategories;
}

LayoutDocument::LayoutDocument(QObject* parent)
    : QObject(parent), m_layout(std::make_shared<cs::Layout>()), m_index(std::make_unique<cs::SeatIndex>(*m_layout)),
      m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT dirtyChanged(!clean); });
}

LayoutDocument::~LayoutDocument() = default;

void LayoutDocument::reset(cs::Layout layout, Origin origin, const QString& source)
{
    m_undo->clear();
    *m_layout = std::move(layout);
    m_origin = origin;
    m_source = source;
    // A file exported from a saved lineage continues it; anything else starts a new lineage.
    m_baseVersion = !m_layout->id.empty() && origin != Origin::New ? m_layout->version : 0;
    m_idHighWater = m_layout->nextId;
    m_selectedSeats.clear();
    m_selectedAreas.clear();
    rebuild();
    m_undo->setClean();
    Q_EMIT originChanged();
    Q_EMIT selectionChanged();
    Q_EMIT dirtyChanged(false);
}

bool LayoutDocument::isDirty() const { return !m_undo->isClean(); }

void LayoutDocument::markSaved(const std::string& layoutId, const std::string& venueId, std::uint32_t version)
{
    m_layout->id = layoutId;
    m_layout->venueId = venueId;
    m_layout->version = version;
    m_layout->nextId = std::max(m_layout->nextId, m_idHighWater);
    m_baseVersion = version;
    m_origin = Origin::Server;
    m_source.clear();
    m_undo->setClean();
    Q_EMIT originChanged();
}

void LayoutDocument::markClean() { m_undo->setClean(); }

cs::Layout LayoutDocument::layoutForSave() const
{
    cs::Layout copy = *m_layout;
    copy.nextId = nextFreeId();
    return copy;
}

std::uint64_t LayoutDocument::nextFreeId() const { return std::max(m_layout->nextId, m_idHighWater); }

void LayoutDocument::applyState(const LayoutState& state)
{
    cs::Layout& layout = *m_layout;
    std::unordered_map<std::string, const cs::Area*> given;
    for (const cs::Area& area : state.areas)
        given.emplace(area.id, &area);
    std::unordered_map<std::string, cs::Area*> current;
    for (cs::Area& area : layout.areas)
        current.emplace(area.id, &area);

    std::vector<cs::Area> areas;
    areas.reserve(state.areaOrder.size());
    for (const std::string& id : state.areaOrder) {
        if (auto it = given.find(id); it != given.end())
            areas.push_back(*it->second);
        else if (auto cur = current.find(id); cur != current.end())
            areas.push_back(std::move(*cur->second));
        // An id in neither is impossible: states are built from the layout they restore.
    }
    layout.areas = std::move(areas);
    if (state.header)
        copyEditableLayoutFields(layout, *state.header);
    if (state.background)
        layout.background = *state.background;
    layout.nextId = state.nextId;
    m_idHighWater = std::max(m_idHighWater, state.nextId);
    rebuild();
    pruneSelection();
}

void LayoutDocument::rebuild()
{
    m_index = std::make_unique<cs::SeatIndex>(*m_layout);
    m_problems = cs::validate(*m_layout);
    Q_EMIT layoutChanged();
    Q_EMIT problemsChanged();
}

void LayoutDocument::setSelection(std::set<std::string> seats, std::set<std::string> areas)
{
    if (seats == m_selectedSeats && areas == m_selectedAreas)
        return;
    m_selectedSeats = std::move(seats);
    m_selectedAreas = std::move(areas);
    Q_EMIT selectionChanged();
}

void LayoutDocument::pruneSelection()
{
    bool changed = false;
    for (auto it = m_selectedSeats.begin(); it != m_selectedSeats.end();) {
        if (!m_index->indexOf(*it)) {
            it = m_selectedSeats.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    for (auto it = m_selectedAreas.begin(); it != m_selectedAreas.end();) {
        if (!areaIndex(*it)) {
            it = m_selectedAreas.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        Q_EMIT selectionChanged();
}

std::vector<std::uint32_t> LayoutDocument::selectedSeatIndexes() const
{
    std::vector<std::uint32_t> out;
    out.reserve(m_selectedSeats.size());
    for (const std::string& id : m_selectedSeats)
        if (auto index = m_index->indexOf(id))
            out.push_back(*index);
    if (!m_selectedAreas.empty()) {
        for (std::uint32_t i = 0; i < m_index->size(); ++i)
            if (m_selectedAreas.count(m_index->area(i).id))
                out.push_back(i);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<std::size_t> LayoutDocument::areaIndex(const std::string& areaId) const
{
    for (std::size_t i = 0; i < m_layout->areas.size(); ++i)
        if (m_layout->areas[i].id == areaId)
            return i;
    return std::nullopt;
}

} // namespace marquee::client
