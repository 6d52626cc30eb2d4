// LayoutEditorWindow: the organizer's seat-map designer. The SeatMapView in editor mode with
// the editing tools, properties, price categories and validation problems in docks, JSON
// import/export and saving to / opening from the server.
#pragma once

#include "editor/editorinteraction.h"
#include "store/records.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QListView;

namespace marquee::client {

class CatalogService;
class LayoutDocument;
class LayoutProblemModel;
class PriceCategoryPanel;
class SeatMapView;
class SeatPropertiesPanel;
class SeatingService;

class LayoutEditorWindow : public QMainWindow {
    Q_OBJECT
public:
    // `seating` may be null (no server: import/export only). `catalog` lists the venues a new
    // layout can belong to (asked on its first save).
    explicit LayoutEditorWindow(SeatingService* seating, CatalogService* catalog = nullptr, QWidget* parent = nullptr);
    ~LayoutEditorWindow() override;

    LayoutDocument* document() const { return m_document; }
    SeatMapView* view() const { return m_view; }
    EditorInteraction* interaction() const { return m_interaction; }
    LayoutProblemModel* problemModel() const { return m_problems; }
    QListView* problemList() const { return m_problemList; }
    SeatPropertiesPanel* propertiesPanel() const { return m_properties; }
    PriceCategoryPanel* priceCategoryPanel() const { return m_categories; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* toolAction(EditorInteraction::Tool tool) const;

    // File exchange. On failure an error dialog names the problem, the document is
    // unchanged, and the function returns false.
    bool importJsonFile(const QString& path);
    bool exportJsonFile(const QString& path);
    // Server: results arrive asynchronously (status bar, error dialogs; saved()/loaded()).
    void saveToServer();
    void openFromServer(const QString& layoutId, quint32 version = 0);
    void reloadFromServer();
    // Centres the view on problem `row` of the problem list and selects what it concerns.
    void showProblem(int row);

Q_SIGNALS:
    void saved(const QString& layoutId, quint32 version);
    void saveFailed(const QString& message);
    void loaded(const QString& layoutId, quint32 version);
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void connectSeating();
    QString serverErrorText(const ErrorInfo& error, bool saving) const;
    static QString detailsText(const ErrorInfo& error);
    void createDocks();
    void updateTitle();
    void updateStatus();
    bool maybeDiscard();
    void newLayout();
    void chooseImport();
    void chooseExport();
    void chooseOpenFromServer();
    void chooseBackground();
    void renumberSelection();
    void rotateSelectionBy();
    void selectAll();
    void generateRowsAt(QPointF plan);
    void addTableAt(QPointF plan);
    void addAreaIn(QRectF plan);
    void setFocalPointAt(QPointF plan);
    void showError(const QString& title, const QString& text, const QString& details = {});
    QPointF viewCentre() const;
    std::string chooseVenue();

    SeatingService* m_seating;
    CatalogService* m_catalog;
    LayoutDocument* m_document;
    SeatMapView* m_view;
    EditorInteraction* m_interaction;
    LayoutProblemModel* m_problems;
    QListView* m_problemList;
    SeatPropertiesPanel* m_properties;
    PriceCategoryPanel* m_categories;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_save = nullptr;
    QAction* m_reload = nullptr;
    QAction* m_delete = nullptr;
    QActionGroup* m_tools = nullptr;
    QLabel* m_counts;
    QLabel* m_problemCount;
    QLabel* m_cursor;
    QLabel* m_version;
    quint64 m_pendingSave = 0;
    std::string m_pendingVenue; // the venue the pending save names
    quint64 m_pendingLoad = 0;
    int m_savedState = 0; // undo index the pending save was taken at
};

} // namespace marquee::client
