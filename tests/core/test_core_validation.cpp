// Validation rules of the domain core.
#include "marquee/core/validation.hpp"

#include <QTest>

using namespace marquee::core;

class TestCoreValidation : public QObject {
    Q_OBJECT
private slots:
    void uuid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << QStringLiteral("123e4567-e89b-12d3-a456-426614174000") << true;
        QTest::newRow("upper") << QStringLiteral("123E4567-E89B-12D3-A456-426614174000") << true;
        QTest::newRow("short") << QStringLiteral("123e4567-e89b-12d3-a456-42661417400") << false;
        QTest::newRow("no dashes") << QStringLiteral("123e4567e89b12d3a456426614174000abcd") << false;
        QTest::newRow("not hex") << QStringLiteral("123e4567-e89b-12d3-a456-42661417400g") << false;
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE events; --------------") << false;
    }
    void uuid() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isUuid(text.toStdString()), valid);
    }

    void email_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("ana@example.org") << true;
        QTest::newRow("no at") << QStringLiteral("ana.example.org") << false;
        QTest::newRow("two at") << QStringLiteral("ana@b@example.org") << false;
        QTest::newRow("no tld") << QStringLiteral("ana@localhost") << false;
        QTest::newRow("space") << QStringLiteral("an a@example.org") << false;
        QTest::newRow("empty local") << QStringLiteral("@example.org") << false;
    }
    void email() {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(isValidEmail(email.toStdString()), valid);
    }

    void normalizesEmail() { QCOMPARE(normalizeEmail("  Ana@Example.ORG \n"), std::string("ana@example.org")); }

    void password() {
        QVERIFY(!validatePassword("short").empty());
        QVERIFY(validatePassword("correct horse battery").empty());
        QVERIFY(!validatePassword(std::string(300, 'x')).empty());
        QVERIFY(!validatePassword("abcdefghij\xff").empty());
    }

    void utf8() {
        QVERIFY(isValidUtf8("Caf\xc3\xa9 \xf0\x9f\x8e\xb5"));
        QVERIFY(!isValidUtf8("\xc3"));
        QVERIFY(!isValidUtf8("\xe2\x28\xa1"));
    }

    void event() {
        Event e;
        e.title = "Jazz at the Lake";
        e.categoryId = "music.jazz";
        e.startsAtMs = 1'800'000'000'000;
        e.endsAtMs = e.startsAtMs + 3'600'000;
        e.timeZone = "Europe/Berlin";
        e.price = {1500, 4500, "EUR"};
        QVERIFY(validateEvent(e).empty());

        auto bad = e;
        bad.title = "   ";
        bad.endsAtMs = bad.startsAtMs - 1;
        bad.price = {-1, 10, "eur"};
        const auto errors = validateEvent(bad);
        QStringList fields;
        for (const auto& err : errors) fields << QString::fromStdString(err.field);
        QVERIFY(fields.contains(QStringLiteral("title")));
        QVERIFY(fields.contains(QStringLiteral("ends_at")));
        QVERIFY(fields.contains(QStringLiteral("price")));
        QVERIFY(fields.contains(QStringLiteral("price.currency")));
    }

    void roleNames() {
        for (auto role : {Role::Anonymous, Role::Attendee, Role::Staff, Role::Organizer, Role::Admin})
            QCOMPARE(roleFromName(roleName(role)), role);
        QVERIFY(!roleFromName("root").has_value());
    }
};

QTEST_APPLESS_MAIN(TestCoreValidation)
#include "test_core_validation.moc"
