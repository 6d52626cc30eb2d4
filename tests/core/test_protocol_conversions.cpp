// Round trips between core types and their protobuf encodings.
#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/envelope.pb.h"

#include <QTest>

using namespace marquee;

class TestProtocolConversions : public QObject {
    Q_OBJECT
private slots:
    void eventRoundTrip() {
        core::Event e;
        e.id = "123e4567-e89b-12d3-a456-426614174000";
        e.title = "Kammermusik";
        e.description = "Schubert & Brahms";
        e.categoryId = "music.classical";
        e.tags = {"strings", "chamber"};
        e.performers = {"Quartetto"};
        e.startsAtMs = 1'800'000'000'000;
        e.endsAtMs = 1'800'007'200'000;
        e.timeZone = "Europe/Vienna";
        e.venueId = "223e4567-e89b-12d3-a456-426614174000";
        e.price = {2000, 9000, "EUR"};
        e.status = core::EventStatus::Postponed;
        e.imageUrl = "https://example.org/a.jpg";
        e.organizerId = 42;
        e.updatedAtMs = 1'700'000'000'000;

        v1::Event wire;
        protocol::toProto(e, &wire);
        v1::Event decoded;
        QVERIFY(decoded.ParseFromString(wire.SerializeAsString()));
        QCOMPARE(protocol::fromProto(decoded), e);
    }

    void unknownEnumValuesFallBack() {
        QCOMPARE(protocol::fromProto(static_cast<v1::Role>(99)), core::Role::Anonymous);
        QCOMPARE(protocol::fromProto(static_cast<v1::EventStatus>(99)), core::EventStatus::Scheduled);
    }

    void envelopeCarriesPayloadBytesAsMessage() {
        // A Change payload holds an encoded Event; it must decode back to the same record.
        core::Venue venue{"323e4567-e89b-12d3-a456-426614174000", "Philharmonie", "Herbert-von-Karajan-Str. 1",
                          "Berlin", "DE", 52.51, 13.37, "Europe/Berlin", 2440};
        v1::Venue wireVenue;
        protocol::toProto(venue, &wireVenue);
        v1::Envelope env;
        env.set_request_id(7);
        auto* change = env.mutable_change_batch()->add_changes();
        change->set_aggregate_type("venue");
        change->set_payload(wireVenue.SerializeAsString());
        v1::Envelope back;
        QVERIFY(back.ParseFromString(env.SerializeAsString()));
        v1::Venue decoded;
        QVERIFY(decoded.ParseFromString(back.change_batch().changes(0).payload()));
        QCOMPARE(protocol::fromProto(decoded), venue);
    }
};

QTEST_APPLESS_MAIN(TestProtocolConversions)
#include "test_protocol_conversions.moc"
