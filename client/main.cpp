// marquee: the desktop/kiosk client. Start-up only: arguments, locale, translations, window.
#include "kiosk/kiosksettings.h"
#include "kiosk/kioskwindow.h"
#include "services/clientsession.h"
#include "views/mainwindow.h"

#include "marquee/core/version.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

using namespace marquee::client;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("marquee"));
    QApplication::setOrganizationName(QStringLiteral("Marquee"));
    QApplication::setApplicationVersion(QLatin1String(marquee::core::kProductVersion));

    // Translations first (system locale), so --help is translated too; --lang switches later.
    QTranslator qtTranslator;
    QTranslator translator;
    const auto useLocale = [&](const QLocale& locale) {
        QApplication::removeTranslator(&qtTranslator);
        QApplication::removeTranslator(&translator);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        if (translator.load(locale, QStringLiteral("marquee"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QApplication::installTranslator(&translator);
    };
    useLocale(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Marquee event client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QApplication::translate("main", "Sync server URL (remembered)."),
                                          QStringLiteral("ws://HOST:PORT/v1/ws"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "User interface language: de, fr or en."),
                                        QStringLiteral("lang"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QApplication::translate("main", "Directory for the local cache."),
                                        QStringLiteral("dir"));
    const QCommandLineOption kioskOption(QStringLiteral("kiosk"),
                                         QApplication::translate("main", "Full-screen self-service kiosk (staff PIN to leave)."));
    const QCommandLineOption setPinOption(
        QStringLiteral("set-kiosk-pin"),
        QApplication::translate("main", "Read a new kiosk staff PIN (4 to 12 digits) from standard input and exit."));
    parser.addOptions({serverOption, langOption, dataOption, kioskOption, setPinOption});
    parser.process(app);

    // The system locale unless --lang says otherwise; numbers, dates and money follow it too.
    if (parser.isSet(langOption)) {
        const QLocale locale(parser.value(langOption));
        QLocale::setDefault(locale);
        useLocale(locale);
    }

    const QString kioskSettingsPath = kiosk::KioskSettings::defaultPath(parser.value(dataOption));
    if (parser.isSet(setPinOption)) {
        QTextStream in(stdin);
        QTextStream err(stderr);
        const QString pin = in.readLine().trimmed();
        if (!kiosk::isAcceptablePin(pin)) {
            err << QApplication::translate("main", "A kiosk PIN has 4 to 12 digits; nothing was changed.") << Qt::endl;
            return 2;
        }
        kiosk::KioskSettings settings = kiosk::KioskSettings::load(kioskSettingsPath);
        settings.pinHash = kiosk::hashPin(pin);
        QString error;
        if (settings.pinHash.isEmpty() || !settings.save(kioskSettingsPath, &error)) {
            err << QApplication::translate("main", "The PIN could not be saved to %1.").arg(kioskSettingsPath) << Qt::endl;
            return 1;
        }
        err << QApplication::translate("main", "Kiosk staff PIN saved (Argon2id hash) in %1.").arg(kioskSettingsPath)
            << Qt::endl;
        return 0;
    }

    ClientSession::Options options;
    options.dataDir = parser.value(dataOption);
    if (parser.isSet(serverOption))
        options.serverUrl = QUrl(parser.value(serverOption));
    ClientSession session(options);
    QString error;
    if (!session.open(&error)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Marquee"),
                              QApplication::translate("main", "The local cache could not be opened:\n%1").arg(error));
        return 1;
    }
    if (parser.isSet(kioskOption)) {
        const kiosk::KioskSettings settings = kiosk::KioskSettings::load(kioskSettingsPath);
        if (settings.pinHash.isEmpty()) {
            // A kiosk nobody can unlock would have to be killed to leave it.
            QMessageBox::critical(nullptr, QApplication::translate("main", "Marquee"),
                                  QApplication::translate("main", "Set the kiosk staff PIN first:\n"
                                                                  "echo 1234 | marquee --set-kiosk-pin"));
            return 2;
        }
        kiosk::KioskWindow kioskWindow(&session, settings, kioskSettingsPath);
        QObject::connect(&kioskWindow, &kiosk::KioskWindow::leaveRequested, &app, &QApplication::quit);
        kioskWindow.showFullScreen();
        session.start();
        return QApplication::exec();
    }
    MainWindow window(&session);
    window.show();
    session.start();
    return QApplication::exec();
}
