// Undoable layout edits. Every edit is a LayoutCommand holding exact before/after snapshots of
// only what it touches (LayoutEdit records them); the functions below build one per editor
// operation and push it on the document's undo stack.
#pragma once

#include "editor/layoutdocument.h"
#include "marquee/core/seating/generators.hpp"

#include <QString>
#include <QUndoCommand>

#include <map>
#include <set>

namespace marquee::client {

// Collects one edit against a layout: copies each area on first touch and remembers the
// original, so before() and after() describe the change exactly.
class LayoutEdit {
public:
    // Ids are allocated from `firstFreeId` on (LayoutDocument::nextFreeId), never below.
    LayoutEdit(const core::seating::Layout& base, std::uint64_t firstFreeId);

    const core::seating::Layout& base() const { return m_base; }
    core::seating::Area& area(std::size_t baseIndex);
    core::seating::Area& addArea(core::seating::Area area);
    void removeArea(std::size_t baseIndex);
    // Layout-level fields (name, focal point, price categories ...); areas are not in it.
    core::seating::Layout& header();
    void setBackground(std::optional<core::seating::BackgroundImage> image);
    std::string allocateId(char prefix);
    // A layout to hand to core generators: header fields plus this edit's id counter.
    core::seating::Layout& idSource() { return m_ids; }

    bool changesSomething() const;
    LayoutState before() const;
    LayoutState after() const;

private:
    const core::seating::Layout& m_base;
    std::map<std::size_t, core::seating::Area> m_touched; // base index -> new contents
    std::set<std::size_t> m_removed;
    std::vector<core::seating::Area> m_added;
    std::optional<core::seating::Layout> m_header;
    std::optional<std::optional<core::seating::BackgroundImage>> m_background;
    core::seating::Layout m_ids;
};

class LayoutCommand : public QUndoCommand {
public:
    // mergeKey != 0: consecutive commands with the same key (one mouse drag) merge.
    LayoutCommand(LayoutDocument* document, const QString& text, LayoutState before, LayoutState after, int mergeKey = 0);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey == 0 ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    LayoutDocument* m_document;
    LayoutState m_before;
    LayoutState m_after;
    int m_mergeKey;
};

// Pushes `edit` as one undo step named `text`; false (and nothing pushed) when it changes nothing.
bool pushEdit(LayoutDocument* document, const QString& text, const LayoutEdit& edit, int mergeKey = 0);

namespace editops {

using core::seating::Point;

// Areas. Return the new area's id.
std::string addSeatedArea(LayoutDocument* doc, const QString& label, const std::vector<Point>& outline);
std::string addGeneralAdmissionArea(LayoutDocument* doc, const QString& label, const std::vector<Point>& outline,
                                    std::uint32_t capacity, const std::string& priceCategoryId);
// Label, and for general admission capacity and category.
bool editArea(LayoutDocument* doc, const std::string& areaId, const QString& label, std::uint32_t capacity,
              const std::string& priceCategoryId);

// Rows into an existing seated area (areaId), or into a new area named newAreaLabel whose
// outline is drawn around the generated seats. Returns the new seat ids; *error gets the
// generator's message for an impossible spec (and nothing changes).
std::vector<std::string> generateRows(LayoutDocument* doc, const std::string& areaId, const QString& newAreaLabel,
                                      const core::seating::RowBlockSpec& spec, QString* error);
// A round table in the seated area containing `centre`, or in a new area around it.
std::vector<std::string> addTable(LayoutDocument* doc, Point centre, double tableRadius, int seats, const QString& label,
                                  const core::seating::NumberingScheme& numbering, const std::string& priceCategoryId,
                                  QString* error);

// Selection edits (seats and whole areas as selected in the document).
bool moveSelection(LayoutDocument* doc, double dx, double dy, int dragKey = 0);
bool rotateSelection(LayoutDocument* doc, double degrees, Point pivot, int dragKey = 0);
// Centre of the selection's bounding box (the default rotation pivot).
std::optional<Point> selectionCentre(const LayoutDocument* doc);
bool deleteSelection(LayoutDocument* doc);
bool renumberSelectedRows(LayoutDocument* doc, const core::seating::NumberingScheme& scheme, QString* error);
bool assignPriceCategory(LayoutDocument* doc, const std::string& categoryId);
bool setFlag(LayoutDocument* doc, core::seating::SeatFlag flag, bool on);
bool setRowLabel(LayoutDocument* doc, const std::string& rowId, const QString& label);
bool setSeatLabel(LayoutDocument* doc, const std::string& seatId, const QString& label);

// Price categories. addPriceCategory returns the new id.
std::string addPriceCategory(LayoutDocument* doc, core::seating::PriceCategory category);
bool editPriceCategory(LayoutDocument* doc, const core::seating::PriceCategory& category);
bool removePriceCategory(LayoutDocument* doc, const std::string& categoryId);

bool setFocalPoint(LayoutDocument* doc, Point where, const QString& label);
bool setBackground(LayoutDocument* doc, std::optional<core::seating::BackgroundImage> image);

} // namespace editops

} // namespace marquee::client
