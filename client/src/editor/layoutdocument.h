// LayoutDocument: the layout an organizer edits, with its undo stack, selection (by stable ids),
// validation problems, origin (new, file, server) and the server version it was based on.
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/seating/validation.hpp"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QUndoStack;

namespace marquee::client {

// A partial snapshot of a layout: the area order, the full contents of the areas one edit
// touches, and the layout-level fields when the edit touches them. Commands keep one for
// before and one for after, so undo and redo restore exactly without copying whole venues.
struct LayoutState {
    std::vector<std::string> areaOrder;              // ids of every area, in order
    std::vector<core::seating::Area> areas;          // contents of the touched areas present here
    std::optional<core::seating::Layout> header;     // editable layout-level fields (no areas, no image)
    std::optional<std::optional<core::seating::BackgroundImage>> background;
    std::uint64_t nextId = 1;
};

// Copies the layout-level fields an edit may change (name, size, focal point, seat pitch, price
// categories). Identity and version are document metadata and stay, so undoing an edit made
// before a save cannot roll them back.
void copyEditableLayoutFields(core::seating::Layout& to, const core::seating::Layout& from);

class LayoutDocument : public QObject {
    Q_OBJECT
public:
    enum class Origin { New, File, Server };

    explicit LayoutDocument(QObject* parent = nullptr);
    ~LayoutDocument() override;

    const core::seating::Layout& layout() const { return *m_layout; }
    // The live layout for the seat-map view; edits change it in place and emit layoutChanged.
    std::shared_ptr<const core::seating::Layout> sharedLayout() const { return m_layout; }
    const core::seating::SeatIndex& seatIndex() const { return *m_index; }
    const std::vector<core::seating::LayoutProblem>& problems() const { return m_problems; }
    QUndoStack* undoStack() const { return m_undo; }

    // Replaces the document (history cleared, clean state). `source` is the file path or
    // empty for server and new layouts.
    void reset(core::seating::Layout layout, Origin origin, const QString& source = {});
    Origin origin() const { return m_origin; }
    QString source() const { return m_source; }
    // The server version this document was loaded from or last saved as; 0: never saved.
    std::uint32_t baseVersion() const { return m_baseVersion; }
    bool isDirty() const;
    // After a successful server save: the lineage id, its venue and the new version; the state
    // is clean.
    void markSaved(const std::string& layoutId, const std::string& venueId, std::uint32_t version);
    void markClean();

    // What to save or export: the layout with nextId past every id this session handed out,
    // including ids of undone edits, so no id is ever given to a second seat.
    core::seating::Layout layoutForSave() const;
    // The next id number edits may allocate (never lower than one already handed out).
    std::uint64_t nextFreeId() const;

    // Applies one side of a command. Only LayoutCommand calls this.
    void applyState(const LayoutState& state);

    // Selection by ids: seats, and whole areas (outline and everything in it).
    const std::set<std::string>& selectedSeats() const { return m_selectedSeats; }
    const std::set<std::string>& selectedAreas() const { return m_selectedAreas; }
    bool hasSelection() const { return !m_selectedSeats.empty() || !m_selectedAreas.empty(); }
    void setSelection(std::set<std::string> seats, std::set<std::string> areas = {});
    void clearSelection() { setSelection({}, {}); }
    // Selected seats as flat SeatIndex positions (the seat-map view's numbering), plus every
    // seat of a selected area.
    std::vector<std::uint32_t> selectedSeatIndexes() const;
    std::optional<std::size_t> areaIndex(const std::string& areaId) const;
    // Unique key for one mouse drag, so its many move/rotate steps merge into one undo step.
    int newDragKey() { return ++m_lastDragKey; }

Q_SIGNALS:
    void layoutChanged();    // after every edit, undo, redo and reset
    void problemsChanged();
    void selectionChanged();
    void dirtyChanged(bool dirty);
    void originChanged();

private:
    void rebuild();
    void pruneSelection();

    std::shared_ptr<core::seating::Layout> m_layout;
    std::unique_ptr<core::seating::SeatIndex> m_index;
    std::vector<core::seating::LayoutProblem> m_problems;
    QUndoStack* m_undo;
    Origin m_origin = Origin::New;
    QString m_source;
    std::uint32_t m_baseVersion = 0;
    std::uint64_t m_idHighWater = 1;
    std::set<std::string> m_selectedSeats;
    std::set<std::string> m_selectedAreas;
    int m_lastDragKey = 0;
};

} // namespace marquee::client
