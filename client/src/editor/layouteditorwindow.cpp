// LayoutEditorWindow implementation.
#include "editor/layouteditorwindow.h"

#include "editor/editorfields.h"
#include "editor/generaterowsdialog.h"
#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"
#include "editor/layoutproblemmodel.h"
#include "editor/openlayoutdialog.h"
#include "editor/pricecategorypanel.h"
#include "editor/seatpropertiespanel.h"
#include "marquee/core/seating/layout_json.hpp"
#include "seatmap/seatmaprenderer.h"
#include "seatmap/seatmapview.h"
#include "services/catalogservice.h"
#include "services/seatingservice.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace marquee::client {

namespace cs = core::seating;

namespace {

std::vector<cs::Point> rectangleOutline(const QRectF& r)
{
    return {{r.left(), r.top()}, {r.right(), r.top()}, {r.right(), r.bottom()}, {r.left(), r.bottom()}};
}

cs::Layout blankLayout()
{
    cs::Layout layout;
    layout.name = LayoutEditorWindow::tr("New seat map").toStdString();
    layout.width = 4000;
    layout.height = 3000;
    layout.focalPoint = {2000, 200};
    layout.focalLabel = LayoutEditorWindow::tr("Stage").toStdString();
    return layout;
}

} // namespace

LayoutEditorWindow::LayoutEditorWindow(SeatingService* seating, CatalogService* catalog, QWidget* parent)
    : QMainWindow(parent), m_seating(seating), m_catalog(catalog), m_document(new LayoutDocument(this))
{
    setObjectName(QStringLiteral("layoutEditor"));
    resize(1280, 800);
    m_document->reset(blankLayout(), LayoutDocument::Origin::New);

    m_view = new SeatMapView(this);
    m_view->setObjectName(QStringLiteral("editorSeatMap"));
    setCentralWidget(m_view);
    m_interaction = new EditorInteraction(m_document, m_view, this);
    m_problems = new LayoutProblemModel(m_document, this);

    createDocks();
    createActions();
    connectSeating();

    m_counts = new QLabel(this);
    m_problemCount = new QLabel(this);
    m_cursor = new QLabel(this);
    m_version = new QLabel(this);
    statusBar()->addWidget(m_counts);
    statusBar()->addWidget(m_problemCount);
    statusBar()->addPermanentWidget(m_cursor);
    statusBar()->addPermanentWidget(m_version);

    connect(m_interaction, &EditorInteraction::generateRowsRequested, this, &LayoutEditorWindow::generateRowsAt);
    connect(m_interaction, &EditorInteraction::tableRequested, this, &LayoutEditorWindow::addTableAt);
    connect(m_interaction, &EditorInteraction::areaRequested, this, &LayoutEditorWindow::addAreaIn);
    connect(m_interaction, &EditorInteraction::focalPointRequested, this, &LayoutEditorWindow::setFocalPointAt);
    connect(m_interaction, &EditorInteraction::cursorMoved, this, [this](QPointF plan) {
        m_cursor->setText(tr("x %1 cm, y %2 cm").arg(QLocale().toString(plan.x(), 'f', 0), QLocale().toString(plan.y(), 'f', 0)));
    });
    connect(m_document, &LayoutDocument::layoutChanged, this, &LayoutEditorWindow::updateStatus);
    connect(m_document, &LayoutDocument::selectionChanged, this, [this] { m_delete->setEnabled(m_document->hasSelection()); });
    connect(m_document, &LayoutDocument::dirtyChanged, this, &LayoutEditorWindow::updateTitle);
    connect(m_document, &LayoutDocument::originChanged, this, [this] {
        updateTitle();
        updateStatus();
    });
    updateTitle();
    updateStatus();
    m_delete->setEnabled(false);
}

LayoutEditorWindow::~LayoutEditorWindow()
{
    // The interaction unhooks itself from the view; the view must still exist then.
    delete m_interaction;
    m_interaction = nullptr;
}

void LayoutEditorWindow::createDocks()
{
    m_properties = new SeatPropertiesPanel(m_document, this);
    connect(m_properties, &SeatPropertiesPanel::renumberRequested, this, &LayoutEditorWindow::renumberSelection);
    auto* propertiesDock = new QDockWidget(tr("Properties"), this);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    m_categories = new PriceCategoryPanel(m_document, this);
    auto* categoryDock = new QDockWidget(tr("Price Categories"), this);
    categoryDock->setObjectName(QStringLiteral("priceCategoryDock"));
    categoryDock->setWidget(m_categories);
    addDockWidget(Qt::RightDockWidgetArea, categoryDock);

    m_problemList = new QListView(this);
    m_problemList->setModel(m_problems);
    m_problemList->setUniformItemSizes(true);
    m_problemList->setAlternatingRowColors(true);
    connect(m_problemList, &QListView::clicked, this, [this](const QModelIndex& index) { showProblem(index.row()); });
    connect(m_problemList, &QListView::activated, this, [this](const QModelIndex& index) { showProblem(index.row()); });
    auto* problemDock = new QDockWidget(tr("Problems"), this);
    problemDock->setObjectName(QStringLiteral("problemDock"));
    problemDock->setWidget(m_problemList);
    addDockWidget(Qt::BottomDockWidgetArea, problemDock);
    resizeDocks({problemDock}, {140}, Qt::Vertical);
    resizeDocks({propertiesDock}, {320}, Qt::Horizontal);
}

void LayoutEditorWindow::createActions()
{
    QStyle* s = style();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(s->standardIcon(QStyle::SP_FileIcon), tr("&New"), QKeySequence::New, this, &LayoutEditorWindow::newLayout);
    auto* open = file->addAction(s->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open from Server…"), QKeySequence::Open,
                                 this, &LayoutEditorWindow::chooseOpenFromServer);
    m_reload = file->addAction(s->standardIcon(QStyle::SP_BrowserReload), tr("&Reload from Server"), QKeySequence::Refresh,
                               this, &LayoutEditorWindow::reloadFromServer);
    m_save = file->addAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save to Server"), QKeySequence::Save, this,
                             &LayoutEditorWindow::saveToServer);
    open->setEnabled(m_seating != nullptr);
    m_save->setEnabled(m_seating != nullptr);
    file->addSeparator();
    file->addAction(tr("&Import JSON…"), this, &LayoutEditorWindow::chooseImport);
    file->addAction(tr("&Export JSON…"), this, &LayoutEditorWindow::chooseExport);
    file->addSeparator();
    file->addAction(tr("Set &Background Image…"), this, &LayoutEditorWindow::chooseBackground);
    file->addAction(tr("Remove Background Image"), this, [this] { editops::setBackground(m_document, std::nullopt); });
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_undo->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(QKeySequence::Redo);
    m_redo->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, &LayoutEditorWindow::selectAll);
    edit->addAction(tr("Select &None"), this, [this] { m_document->clearSelection(); });
    m_delete = edit->addAction(s->standardIcon(QStyle::SP_TrashIcon), tr("&Delete"), this,
                               [this] { editops::deleteSelection(m_document); });
    // The view handles the Delete key itself while it has focus; this covers the menu.
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    edit->addAction(tr("R&otate Selection…"), this, &LayoutEditorWindow::rotateSelectionBy);
    edit->addAction(tr("Re&number Rows…"), this, &LayoutEditorWindow::renumberSelection);

    m_tools = new QActionGroup(this);
    QMenu* toolsMenu = menuBar()->addMenu(tr("&Tools"));
    const std::pair<EditorInteraction::Tool, QString> tools[] = {
        {EditorInteraction::Tool::Select, tr("Select")},
        {EditorInteraction::Tool::Pan, tr("Pan")},
        {EditorInteraction::Tool::AddArea, tr("Add Area")},
        {EditorInteraction::Tool::GenerateRows, tr("Generate Rows")},
        {EditorInteraction::Tool::Table, tr("Table")},
        {EditorInteraction::Tool::FocalPoint, tr("Stage")},
    };
    const QString tips[] = {
        tr("Click seats or areas; drag to move; drag a rectangle to select; drag the round handle to rotate"),
        tr("Drag to move the view"),
        tr("Drag a rectangle to create a seated or standing area"),
        tr("Click where the front row should start"),
        tr("Click where a round table should go"),
        tr("Click to place the stage (best seats are closest to it)"),
    };
    int i = 0;
    for (const auto& [tool, name] : tools) {
        QAction* action = m_tools->addAction(name);
        action->setCheckable(true);
        action->setData(static_cast<int>(tool));
        action->setToolTip(tips[i]);
        action->setStatusTip(tips[i]);
        action->setShortcut(QKeySequence(QString::number(++i)));
        toolsMenu->addAction(action);
    }
    m_tools->actions().front()->setChecked(true);
    connect(m_tools, &QActionGroup::triggered, this, [this](QAction* action) {
        m_interaction->setTool(static_cast<EditorInteraction::Tool>(action->data().toInt()));
    });
    connect(m_interaction, &EditorInteraction::toolChanged, this, [this](EditorInteraction::Tool tool) {
        if (QAction* action = toolAction(tool))
            action->setChecked(true);
    });

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* fit = viewMenu->addAction(tr("&Fit to Window"), this, [this] { m_view->fitToView(); });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] { m_view->setZoom(m_view->zoom() * 1.25); });
    viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { m_view->setZoom(m_view->zoom() / 1.25); });
    viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu->addAction(dock->toggleViewAction());

    QToolBar* bar = addToolBar(tr("Editor"));
    bar->setObjectName(QStringLiteral("editorToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_save);
    bar->addAction(m_undo);
    bar->addAction(m_redo);
    bar->addSeparator();
    for (QAction* action : m_tools->actions())
        bar->addAction(action);
    bar->addSeparator();
    bar->addAction(m_delete);
    bar->addAction(fit);
}

QAction* LayoutEditorWindow::toolAction(EditorInteraction::Tool tool) const
{
    for (QAction* action : m_tools->actions())
        if (action->data().toInt() == static_cast<int>(tool))
            return action;
    return nullptr;
}

void LayoutEditorWindow::updateTitle()
{
    const QString name = QString::fromStdString(m_document->layout().name);
    setWindowTitle(tr("%1[*] — Seat Map Editor").arg(name.isEmpty() ? tr("Untitled") : name));
    setWindowModified(m_document->isDirty());
}

void LayoutEditorWindow::updateStatus()
{
    const cs::Layout& layout = m_document->layout();
    const QLocale locale;
    m_counts->setText(tr("%1 seats in %n area(s)", nullptr, static_cast<int>(layout.areas.size()))
                          .arg(locale.toString(static_cast<qulonglong>(layout.seatCount()))));
    const auto problems = static_cast<int>(m_document->problems().size());
    m_problemCount->setText(problems == 0 ? tr("No problems") : tr("%n problem(s)", nullptr, problems));
    switch (m_document->origin()) {
    case LayoutDocument::Origin::New:
        m_version->setText(tr("Not saved yet"));
        break;
    case LayoutDocument::Origin::File:
        m_version->setText(tr("From %1").arg(QFileInfo(m_document->source()).fileName()));
        break;
    case LayoutDocument::Origin::Server:
        m_version->setText(tr("Server version %1").arg(m_document->baseVersion()));
        break;
    }
    m_reload->setEnabled(m_seating && !layout.id.empty() && m_document->baseVersion() > 0);
}

bool LayoutEditorWindow::maybeDiscard()
{
    if (!m_document->isDirty())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
                                              tr("The seat map has changes that are not saved. Discard them?"),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void LayoutEditorWindow::closeEvent(QCloseEvent* event)
{
    if (maybeDiscard())
        event->accept();
    else
        event->ignore();
}

void LayoutEditorWindow::showError(const QString& title, const QString& text, const QString& details)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("editorError"));
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}

void LayoutEditorWindow::newLayout()
{
    if (maybeDiscard())
        m_document->reset(blankLayout(), LayoutDocument::Origin::New);
}

QPointF LayoutEditorWindow::viewCentre() const { return m_view->mapToPlan(QPointF(m_view->width() / 2.0, m_view->height() / 2.0)); }

// ---- files ----

void LayoutEditorWindow::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Seat Map"), QString(), tr("Seat maps (*.json)"));
    if (!path.isEmpty())
        importJsonFile(path);
}

void LayoutEditorWindow::chooseExport()
{
    const QString suggested = QString::fromStdString(m_document->layout().name) + QStringLiteral(".json");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Seat Map"), suggested, tr("Seat maps (*.json)"));
    if (!path.isEmpty())
        exportJsonFile(path);
}

bool LayoutEditorWindow::importJsonFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Import Failed"), tr("“%1” could not be opened: %2").arg(name, file.errorString()));
        return false;
    }
    const QByteArray json = file.readAll();
    cs::Layout layout;
    try {
        layout = cs::layoutFromJson(std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
    } catch (const std::exception& e) {
        showError(tr("Import Failed"), tr("“%1” is not a seat map this editor can read. Nothing was changed.").arg(name),
                  QString::fromStdString(e.what()));
        return false;
    }
    if (!maybeDiscard())
        return false;
    m_document->reset(std::move(layout), LayoutDocument::Origin::File, path);
    m_view->fitToView();
    const auto problems = static_cast<int>(m_document->problems().size());
    statusBar()->showMessage(problems == 0 ? tr("Imported %1.").arg(name)
                                           : tr("Imported %1 with %n problem(s) to fix.", nullptr, problems).arg(name),
                             10000);
    return true;
}

bool LayoutEditorWindow::exportJsonFile(const QString& path)
{
    const std::string json = cs::layoutToJson(m_document->layoutForSave());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size())
        || !file.commit()) {
        showError(tr("Export Failed"), tr("“%1” could not be written: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    if (m_document->origin() == LayoutDocument::Origin::File && m_document->source() == path)
        m_document->markClean();
    statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 8000);
    return true;
}

void LayoutEditorWindow::chooseBackground()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Background Image for Tracing"), QString(),
                                                      tr("Images (*.svg *.png)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Background Image"), tr("“%1” could not be opened: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    if (mime != QLatin1String("image/svg+xml") && mime != QLatin1String("image/png")) {
        showError(tr("Background Image"), tr("Only SVG and PNG images can be used for tracing."));
        return;
    }
    cs::BackgroundImage image;
    image.mimeType = mime.toStdString();
    image.dataBase64 = bytes.toBase64().toStdString();
    const QImage pixels = decodeBackground(image);
    if (pixels.isNull()) {
        showError(tr("Background Image"), tr("“%1” could not be read as an image.").arg(QFileInfo(path).fileName()));
        return;
    }
    // Spread over the plan's width (or 40 m for an empty plan), keeping the aspect ratio.
    const cs::Layout& layout = m_document->layout();
    image.width = layout.width > 0 ? layout.width : 4000;
    image.height = image.width * pixels.height() / std::max(1, pixels.width());
    image.opacity = 0.5;
    editops::setBackground(m_document, std::move(image));
}

// ---- tools ----

void LayoutEditorWindow::generateRowsAt(QPointF plan)
{
    GenerateRowsDialog dialog(m_document->layout(), {std::round(plan.x()), std::round(plan.y())}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto spec = dialog.spec(&error);
    std::vector<std::string> seats;
    if (spec)
        seats = editops::generateRows(m_document, dialog.targetAreaId(), dialog.newAreaLabel(), *spec, &error);
    if (seats.empty()) {
        showError(tr("Generate Rows"), tr("No rows were generated."), error);
        return;
    }
    m_document->setSelection(std::set<std::string>(seats.begin(), seats.end()));
    m_interaction->setTool(EditorInteraction::Tool::Select);
}

void LayoutEditorWindow::addTableAt(QPointF plan)
{
    AddTableDialog dialog(m_document->layout(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto numbering = dialog.numberingScheme(&error);
    std::vector<std::string> seats;
    if (numbering)
        seats = editops::addTable(m_document, {std::round(plan.x()), std::round(plan.y())}, dialog.tableRadius(),
                                  dialog.seats(), dialog.label(), *numbering, dialog.priceCategoryId(), &error);
    if (seats.empty()) {
        showError(tr("Add Table"), tr("The table was not added."), error);
        return;
    }
    m_document->setSelection(std::set<std::string>(seats.begin(), seats.end()));
}

void LayoutEditorWindow::addAreaIn(QRectF plan)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Area"));
    auto* name = new QLineEdit(tr("Area %1").arg(m_document->layout().areas.size() + 1), &dialog);
    auto* kind = new QComboBox(&dialog);
    kind->addItem(tr("Seated (add rows next)"));
    kind->addItem(tr("Standing (general admission)"));
    auto* capacity = new QSpinBox(&dialog);
    capacity->setRange(1, 1'000'000);
    capacity->setValue(500);
    capacity->setGroupSeparatorShown(true);
    auto* category = new QComboBox(&dialog);
    fillPriceCategoryCombo(category, m_document->layout(), {});
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Kind:"), kind);
    form->addRow(tr("Capacity:"), capacity);
    form->addRow(tr("Price category:"), category);
    auto updateEnabled = [=] {
        capacity->setEnabled(kind->currentIndex() == 1);
        category->setEnabled(kind->currentIndex() == 1);
    };
    updateEnabled();
    connect(kind, &QComboBox::currentIndexChanged, &dialog, updateEnabled);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString label = name->text().trimmed().isEmpty() ? tr("Area") : name->text().trimmed();
    const QRectF rounded(QPointF(std::round(plan.left()), std::round(plan.top())),
                         QPointF(std::round(plan.right()), std::round(plan.bottom())));
    const std::string id = kind->currentIndex() == 1
        ? editops::addGeneralAdmissionArea(m_document, label, rectangleOutline(rounded),
                                           static_cast<std::uint32_t>(capacity->value()), selectedPriceCategory(category))
        : editops::addSeatedArea(m_document, label, rectangleOutline(rounded));
    m_document->setSelection({}, {id});
}

void LayoutEditorWindow::setFocalPointAt(QPointF plan)
{
    bool ok = false;
    const QString current = QString::fromStdString(m_document->layout().focalLabel);
    const QString label = QInputDialog::getText(this, tr("Stage"), tr("Name of what the audience faces:"), QLineEdit::Normal,
                                                current.isEmpty() ? tr("Stage") : current, &ok);
    if (ok)
        editops::setFocalPoint(m_document, {std::round(plan.x()), std::round(plan.y())}, label.trimmed());
}

void LayoutEditorWindow::renumberSelection()
{
    if (m_document->selectedSeatIndexes().empty()) {
        statusBar()->showMessage(tr("Select seats in the rows to renumber first."), 6000);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Renumber Rows"));
    auto* numbering = new NumberingWidget(&dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Every row with a selected seat is numbered again:"), &dialog));
    layout->addWidget(numbering);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto scheme = numbering->scheme(&error);
    if (!scheme || !editops::renumberSelectedRows(m_document, *scheme, &error)) {
        if (!error.isEmpty())
            showError(tr("Renumber Rows"), tr("The rows were not renumbered."), error);
    }
}

void LayoutEditorWindow::rotateSelectionBy()
{
    const auto centre = editops::selectionCentre(m_document);
    if (!centre)
        return;
    bool ok = false;
    const double degrees = QInputDialog::getDouble(this, tr("Rotate Selection"), tr("Clockwise angle in degrees:"), 90,
                                                   -360, 360, 1, &ok);
    if (ok)
        editops::rotateSelection(m_document, degrees, *centre);
}

void LayoutEditorWindow::selectAll()
{
    std::set<std::string> areas;
    for (const cs::Area& area : m_document->layout().areas)
        areas.insert(area.id);
    m_document->setSelection({}, std::move(areas));
}

void LayoutEditorWindow::showProblem(int row)
{
    if (row < 0 || row >= m_problems->rowCount())
        return;
    const cs::LayoutProblem problem = m_problems->problem(row);
    std::set<std::string> seats;
    std::set<std::string> areas;
    if (!problem.seatId.empty()) {
        seats.insert(problem.seatId);
        if (!problem.otherSeatId.empty())
            seats.insert(problem.otherSeatId);
    } else if (!problem.rowId.empty()) {
        for (const cs::Area& area : m_document->layout().areas)
            for (const cs::Row& r : area.rows)
                if (r.id == problem.rowId)
                    for (const cs::Seat& seat : r.seats)
                        seats.insert(seat.id);
    } else if (!problem.areaId.empty()) {
        areas.insert(problem.areaId);
    }
    m_document->setSelection(std::move(seats), std::move(areas));
    // Close enough to see single seats.
    const double seatZoom = SeatMapRenderer::kLabelPx * 1.5 / std::max(1.0, m_document->layout().seatPitch);
    if (m_view->zoom() < seatZoom)
        m_view->setZoom(seatZoom);
    m_view->centerOn(QPointF(problem.where.x, problem.where.y));
}

// ---- server ----

void LayoutEditorWindow::chooseOpenFromServer()
{
    if (!maybeDiscard())
        return;
    if (!m_seating)
        return;
    QHash<QString, QString> venueNames;
    if (m_catalog)
        for (const core::Venue& venue : m_catalog->venues())
            venueNames.insert(QString::fromStdString(venue.id), venue.city.empty()
                                                                     ? QString::fromStdString(venue.name)
                                                                     : tr("%1, %2").arg(QString::fromStdString(venue.name),
                                                                                        QString::fromStdString(venue.city)));
    OpenLayoutDialog dialog(m_seating->layoutSummaries(), venueNames, m_catalog ? m_catalog->userId() : 0, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenLayoutId().isEmpty())
        openFromServer(dialog.chosenLayoutId(), 0);
}

void LayoutEditorWindow::reloadFromServer()
{
    if (m_document->layout().id.empty() || !maybeDiscard())
        return;
    openFromServer(QString::fromStdString(m_document->layout().id), 0);
}

void LayoutEditorWindow::saveToServer()
{
    if (!m_seating || m_pendingSave != 0)
        return;
    // Problems the server would refuse anyway are named here, where they can be shown.
    if (const auto problems = static_cast<int>(m_document->problems().size()); problems > 0) {
        showError(tr("Save to Server"),
                  tr("The seat map has %n problem(s). Fix them first; the list shows where they are.", nullptr, problems));
        return;
    }
    cs::Layout layout = m_document->layoutForSave();
    if (layout.venueId.empty()) {
        layout.venueId = chooseVenue();
        if (layout.venueId.empty())
            return;
    }
    m_savedState = m_document->undoStack()->index();
    m_pendingVenue = layout.venueId;
    m_pendingSave = m_seating->saveLayout(layout, m_document->baseVersion());
    m_save->setEnabled(false);
    statusBar()->showMessage(tr("Saving…"));
}

std::string LayoutEditorWindow::chooseVenue()
{
    const QList<core::Venue> venues = m_catalog ? m_catalog->venues() : QList<core::Venue>();
    if (venues.isEmpty()) {
        showError(tr("Save to Server"), tr("A seat map belongs to a venue, and no venues are known yet. Wait until the "
                                           "catalog has synced, then save again."));
        return {};
    }
    QStringList names;
    for (const core::Venue& venue : venues)
        names << tr("%1, %2").arg(QString::fromStdString(venue.name), QString::fromStdString(venue.city));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Save to Server"), tr("Venue this seat map belongs to:"), names,
                                                 0, false, &ok);
    const auto index = names.indexOf(chosen);
    return ok && index >= 0 ? venues[index].id : std::string();
}

void LayoutEditorWindow::openFromServer(const QString& layoutId, quint32 version)
{
    if (!m_seating)
        return;
    m_pendingLoad = m_seating->getLayout(layoutId, version);
    statusBar()->showMessage(tr("Loading seat map…"));
}

void LayoutEditorWindow::connectSeating()
{
    if (!m_seating)
        return;
    connect(m_seating, &SeatingService::layoutSaved, this, [this](quint64 request, const QString& id, quint32 version) {
        if (request != m_pendingSave)
            return;
        m_pendingSave = 0;
        m_save->setEnabled(true);
        // Edits made while the save was under way stay unsaved.
        const bool editedMeanwhile = m_document->undoStack()->index() != m_savedState;
        m_document->markSaved(id.toStdString(), m_pendingVenue, version);
        if (editedMeanwhile)
            m_document->undoStack()->resetClean();
        statusBar()->showMessage(tr("Saved as version %1.").arg(version), 8000);
        updateTitle();
        Q_EMIT saved(id, version);
    });
    connect(m_seating, &SeatingService::layoutFetched, this,
            [this](quint64 request, std::shared_ptr<const core::seating::Layout> layout) {
                if (request != m_pendingLoad || !layout)
                    return;
                m_pendingLoad = 0;
                m_document->reset(*layout, LayoutDocument::Origin::Server);
                m_view->fitToView();
                statusBar()->showMessage(tr("Opened version %1.").arg(layout->version), 8000);
                Q_EMIT loaded(QString::fromStdString(layout->id), layout->version);
            });
    connect(m_seating, &SeatingService::requestFailed, this, [this](quint64 request, const ErrorInfo& error) {
        if (request == m_pendingSave) {
            m_pendingSave = 0;
            m_save->setEnabled(true);
            statusBar()->clearMessage();
            const QString message = serverErrorText(error, true);
            Q_EMIT saveFailed(message);
            showError(tr("Save to Server"), message, detailsText(error));
        } else if (request == m_pendingLoad) {
            m_pendingLoad = 0;
            statusBar()->clearMessage();
            const QString message = serverErrorText(error, false);
            Q_EMIT loadFailed(message);
            showError(tr("Open from Server"), message, detailsText(error));
        }
    });
}

QString LayoutEditorWindow::serverErrorText(const ErrorInfo& error, bool saving) const
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
        return saving ? tr("The server found problems in the seat map and did not save it.")
                      : tr("The server did not understand the request.");
    case ErrorCode::FailedPrecondition:
        return tr("Someone saved a newer version of this seat map since you opened version %1. Reload it to see "
                  "their changes; your changes are still here.")
            .arg(m_document->baseVersion());
    case ErrorCode::PermissionDenied:
    case ErrorCode::Unauthenticated:
        return tr("Only organizers and admins can edit seat maps. Log in with such an account.");
    case ErrorCode::NotFound:
        return tr("There is no such seat map on the server.");
    case ErrorCode::Timeout:
    case ErrorCode::ConnectionLost:
    case ErrorCode::Unavailable:
        return tr("The server could not be reached. Your changes are still here; try again.");
    default:
        return tr("The server refused the request: %1").arg(error.message);
    }
}

QString LayoutEditorWindow::detailsText(const ErrorInfo& error)
{
    QStringList lines;
    for (auto it = error.details.cbegin(); it != error.details.cend(); ++it)
        lines << it.key() + QStringLiteral(": ") + it.value();
    if (!error.message.isEmpty())
        lines.prepend(error.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace marquee::client
