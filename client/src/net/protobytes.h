// What every protobuf codec in the client needs: string and bytes fields as Qt types, and a
// message read from bytes kept in a QByteArray (cached payloads, encoded orders).
#pragma once

#include <QByteArray>
#include <QString>

#include <climits>
#include <string>

namespace marquee::client {

inline QString toQString(const std::string& s) { return QString::fromStdString(s); }

// A protobuf bytes field (or a serialized message) as a QByteArray, byte for byte.
inline QByteArray toBytes(const std::string& s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

// Parses `bytes` into `message`; false when they are not a valid encoding of it.
template <class Message>
bool parseMessage(Message& message, const QByteArray& bytes)
{
    return bytes.size() <= INT_MAX && message.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
}

} // namespace marquee::client
