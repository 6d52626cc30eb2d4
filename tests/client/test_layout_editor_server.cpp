// The layout editor against the real marquee-server: generate, move, undo, save, reload and
// the layout is identical; a stale base version is refused as a conflict and an attendee
// cannot save (the role is checked on the server).
#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"
#include "editor/layouteditorwindow.h"
#include "editor/openlayoutdialog.h"
#include "serverhelpers.h"
#include "services/catalogservice.h"
#include "services/seatingservice.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QTreeWidget>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
namespace cs = marquee::core::seating;

namespace {

const QString kOrganizer = QStringLiteral("organizer@example.org");
const QString kAttendee = QStringLiteral("attendee@example.org");

// Error dialogs are modal: close each one as it opens so a failing path cannot hang the test.
void closeMessageBoxesFor(QObject* owner)
{
    auto* timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, [] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible())
                box->close();
    });
    timer->start(50);
}

// Accepts the next item dialog that opens (the venue choice) with its first item.
void acceptNextItemDialog(QObject* owner, QStringList* offered)
{
    auto* timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, [timer, offered] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<QInputDialog*>(w); dialog && dialog->isVisible()) {
                *offered = dialog->comboBoxItems();
                dialog->accept();
                timer->stop();
                return;
            }
    });
    timer->start(20);
}

cs::Layout emptyHall()
{
    cs::Layout layout;
    layout.name = "Editor test hall";
    layout.width = 3000;
    layout.height = 2000;
    layout.focalPoint = {1500, 100};
    layout.focalLabel = "Stage";
    layout.priceCategories.push_back({"p0", "Standard", 2500, "EUR", 0x56B4E9});
    layout.nextId = 1;
    return layout;
}

} // namespace

class TestLayoutEditorServer : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;
    int m_counter = 0;

    std::unique_ptr<ClientSession> loggedIn(const QString& email)
    {
        auto s = openSession(m_root.filePath(QString::number(++m_counter)), m_server.wsUrl());
        if (!s || !startAndSync(*s) || !logIn(*s, email, kPassword))
            return nullptr;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        const QString error = startDemoServer(m_server, {{kOrganizer, QStringLiteral("organizer")},
                                                         {kAttendee, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_server.query(QStringLiteral("DELETE FROM login_throttle")); }

    void generateMoveUndoSaveReloadIsIdentical()
    {
        auto session = loggedIn(kOrganizer);
        QVERIFY(session);
        LayoutEditorWindow window(session->seating(), session->catalog());
        closeMessageBoxesFor(&window);
        LayoutDocument* doc = window.document();
        const QList<core::Venue> venues = session->catalog()->venues();
        QVERIFY(!venues.isEmpty());
        doc->reset(emptyHall(), LayoutDocument::Origin::New);

        // Generate, move (one drag), undo the move.
        cs::RowBlockSpec spec;
        spec.origin = {1500, 600};
        spec.rowCount = 4;
        spec.seatsPerRow = {14};
        spec.priceCategoryId = "p0";
        spec.numbering.order = cs::NumberingOrder::OddEvenSplit;
        QString error;
        const auto seats = editops::generateRows(doc, {}, QStringLiteral("Stalls"), spec, &error);
        QVERIFY2(seats.size() == 56, qPrintable(error));
        doc->setSelection(std::set<std::string>(seats.begin(), seats.begin() + 14));
        const int drag = doc->newDragKey();
        QVERIFY(editops::moveSelection(doc, 20, 0, drag));
        QVERIFY(editops::moveSelection(doc, 20, 10, drag));
        const cs::Layout moved = doc->layout();
        doc->undoStack()->undo();
        QVERIFY(!(doc->layout() == moved));
        QVERIFY(doc->problems().empty());

        QSignalSpy saved(&window, &LayoutEditorWindow::saved);
        QSignalSpy failed(&window, &LayoutEditorWindow::saveFailed);
        cs::Layout expected = doc->layoutForSave();
        QVERIFY(expected.venueId.empty()); // a new layout: the first save asks for its venue
        QStringList offered;
        acceptNextItemDialog(&window, &offered);
        window.saveToServer();
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const QString layoutId = saved.first().at(0).toString();
        const quint32 version = saved.first().at(1).toUInt();
        QVERIFY(!layoutId.isEmpty());
        QCOMPARE(version, 1u);
        QVERIFY(!doc->isDirty());
        QCOMPARE(doc->baseVersion(), version);
        QCOMPARE(offered.size(), venues.size());
        QCOMPARE(doc->layout().venueId, venues.front().id);
        expected.id = layoutId.toStdString();
        expected.venueId = venues.front().id;
        expected.version = version;

        // Reload in a fresh editor: the same layout, field for field.
        LayoutEditorWindow other(session->seating());
        closeMessageBoxesFor(&other);
        QSignalSpy loaded(&other, &LayoutEditorWindow::loaded);
        QSignalSpy loadFailed(&other, &LayoutEditorWindow::loadFailed);
        other.openFromServer(layoutId, 0);
        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty() || !loadFailed.isEmpty(); }, kTimeoutMs));
        QVERIFY2(loadFailed.isEmpty(), loadFailed.isEmpty() ? "" : qPrintable(loadFailed.first().first().toString()));
        const cs::Layout& reloaded = other.document()->layout();
        QCOMPARE(QString::fromStdString(reloaded.id), layoutId);
        QCOMPARE(reloaded.version, version);
        QCOMPARE(reloaded.seatCount(), expected.seatCount());
        QVERIFY(reloaded == expected);

        // A second version from the reloaded editor, then a stale save from the first one.
        other.document()->setSelection({seats.front()});
        QVERIFY(editops::setFlag(other.document(), cs::kCompanionSeat, true)); // the first seat is an aisle seat already
        QSignalSpy savedOther(&other, &LayoutEditorWindow::saved);
        other.saveToServer();
        QVERIFY(QTest::qWaitFor([&] { return !savedOther.isEmpty(); }, kTimeoutMs));
        QCOMPARE(savedOther.first().at(1).toUInt(), 2u);

        doc->setSelection({seats.back()});
        QVERIFY(editops::setFlag(doc, cs::kRestrictedView, true));
        window.saveToServer();
        QVERIFY(QTest::qWaitFor([&] { return saved.size() > 1 || !failed.isEmpty(); }, kTimeoutMs));
        QCOMPARE(saved.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("newer version")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(doc->isDirty()); // the change is still there to reload and redo

        // Reload brings version 2.
        QSignalSpy reloadedSpy(&window, &LayoutEditorWindow::loaded);
        doc->undoStack()->undo(); // clean again is not required: nothing is discarded silently
        doc->undoStack()->setClean();
        window.reloadFromServer();
        QVERIFY(QTest::qWaitFor([&] { return !reloadedSpy.isEmpty(); }, kTimeoutMs));
        QCOMPARE(doc->baseVersion(), 2u);
        QVERIFY(doc->layout() == other.document()->layout());
    }

    // The main window offers the editor to organizers only (admins alike; the server decides).
    void mainWindowOffersTheEditorToOrganizers()
    {
        const auto findAction = [](MainWindow& window) -> QAction* {
            for (QAction* action : window.findChildren<QAction*>())
                if (action->text() == MainWindow::tr("Edit Seat Maps…"))
                    return action;
            return nullptr;
        };
        auto attendee = loggedIn(kAttendee);
        QVERIFY(attendee);
        MainWindow attendeeWindow(attendee.get());
        QAction* hidden = findAction(attendeeWindow);
        QVERIFY(hidden);
        QVERIFY(!hidden->isVisible());

        auto organizer = loggedIn(kOrganizer);
        QVERIFY(organizer);
        MainWindow window(organizer.get());
        QAction* edit = findAction(window);
        QVERIFY(edit);
        QVERIFY(edit->isVisible());
        edit->trigger();
        const auto editors = window.findChildren<LayoutEditorWindow*>();
        QCOMPARE(editors.size(), 1);
        QVERIFY(editors.front()->isVisible());
        QVERIFY(editors.front()->isWindow());
        edit->trigger(); // the same window again, not a second one
        QCOMPARE(window.findChildren<LayoutEditorWindow*>().size(), 1);
        organizer->account()->logout();
        QVERIFY(QTest::qWaitFor([&] { return !edit->isVisible(); }, kTimeoutMs));
    }

    // File › Open from Server lists the synced seat maps (house layouts and the organizer's
    // own), filters them, and opens the chosen one.
    void openFromServerListsSyncedSeatMaps()
    {
        auto session = loggedIn(kOrganizer);
        QVERIFY(session);
        LayoutEditorWindow window(session->seating(), session->catalog());
        closeMessageBoxesFor(&window);
        cs::Layout hall = emptyHall();
        hall.name = "Picker test hall";
        hall.venueId = session->catalog()->venues().value(0).id;
        window.document()->reset(std::move(hall), LayoutDocument::Origin::New);
        QVERIFY(!editops::addGeneralAdmissionArea(window.document(), QStringLiteral("Floor"),
                                                  {{100, 300}, {2900, 300}, {2900, 1800}, {100, 1800}}, 500, "p0")
                     .empty());
        QSignalSpy saved(&window, &LayoutEditorWindow::saved);
        window.saveToServer();
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty(); }, kTimeoutMs));
        const QString savedId = saved.first().at(0).toString();
        // The saved version reaches the cache through the change log.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto layouts = session->seating()->layoutSummaries();
                return std::any_of(layouts.begin(), layouts.end(), [&](const LayoutSummary& l) { return l.id == savedId; });
            },
            kTimeoutMs));

        QAction* open = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == LayoutEditorWindow::tr("&Open from Server…"))
                open = action;
        QVERIFY(open);
        QStringList names;
        QStringList places;
        QStringList owners;
        int visibleAfterFilter = -1;
        bool choiceWhenNoneMatch = true;
        auto* driver = new QTimer(&window);
        connect(driver, &QTimer::timeout, &window, [&, driver] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<OpenLayoutDialog*>(w);
                if (!dialog || !dialog->isVisible())
                    continue;
                driver->stop();
                QTreeWidget* list = dialog->list();
                for (int i = 0; i < list->topLevelItemCount(); ++i) {
                    names << list->topLevelItem(i)->text(0);
                    places << list->topLevelItem(i)->text(2);
                    owners << list->topLevelItem(i)->text(5);
                }
                dialog->filterEdit()->setText(QStringLiteral("no such seat map"));
                choiceWhenNoneMatch = !dialog->chosenLayoutId().isEmpty();
                dialog->filterEdit()->setText(QStringLiteral("PICKER test"));
                visibleAfterFilter = 0;
                for (int i = 0; i < list->topLevelItemCount(); ++i)
                    visibleAfterFilter += list->topLevelItem(i)->isHidden() ? 0 : 1;
                dialog->accept();
            }
        });
        driver->start(20);
        QSignalSpy loaded(&window, &LayoutEditorWindow::loaded);
        open->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, kTimeoutMs));
        QCOMPARE(loaded.first().at(0).toString(), savedId);
        QVERIFY2(!names.isEmpty(), "the dialog listed nothing");
        QCOMPARE(names.first(), QStringLiteral("Picker test hall")); // newest save first
        QCOMPARE(places.first(), QLocale().toString(500));           // standing places count
        QCOMPARE(owners.first(), OpenLayoutDialog::tr("You"));
        QVERIFY(owners.contains(OpenLayoutDialog::tr("House layout"))); // the demo's seat maps
        QCOMPARE(visibleAfterFilter, 1);
        QVERIFY(!choiceWhenNoneMatch);
        QCOMPARE(QString::fromStdString(window.document()->layout().name), QStringLiteral("Picker test hall"));
    }

    void attendeeCannotSave()
    {
        auto session = loggedIn(kAttendee);
        QVERIFY(session);
        LayoutEditorWindow window(session->seating());
        closeMessageBoxesFor(&window);
        cs::Layout hall = emptyHall();
        hall.venueId = session->catalog()->venues().value(0).id;
        QVERIFY(!hall.venueId.empty());
        window.document()->reset(std::move(hall), LayoutDocument::Origin::New);
        QVERIFY(editops::addGeneralAdmissionArea(window.document(), QStringLiteral("Floor"),
                                                 {{100, 300}, {2900, 300}, {2900, 1800}, {100, 1800}}, 500, "p0")
                    .size() > 0);
        QSignalSpy failed(&window, &LayoutEditorWindow::saveFailed);
        QSignalSpy saved(&window, &LayoutEditorWindow::saved);
        window.saveToServer();
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
        QVERIFY(saved.isEmpty());
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("organizers")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(window.document()->isDirty());
    }
};

QTEST_MAIN(TestLayoutEditorServer)
#include "test_layout_editor_server.moc"
