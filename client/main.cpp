// marquee: the desktop/kiosk client. Start-up only: arguments, locale, translations, window.
#include "services/clientsession.h"
#include "views/mainwindow.h"

#include "marquee/core/version.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QMessageBox>
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
    parser.addOptions({serverOption, langOption, dataOption});
    parser.process(app);

    // The system locale unless --lang says otherwise; numbers, dates and money follow it too.
    if (parser.isSet(langOption)) {
        const QLocale locale(parser.value(langOption));
        QLocale::setDefault(locale);
        useLocale(locale);
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
    MainWindow window(&session);
    window.show();
    session.start();
    return QApplication::exec();
}
