// Folding, query words and highlights for client search (see searchtext.h).
#include "store/searchtext.h"

#include "marquee/core/typo.hpp"

namespace marquee::client {

namespace {

constexpr int kMaxWords = 10;

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isMark(); }

// Ranges [start, end) of the words of `text` (letters, digits and their combining marks).
QList<QPair<int, int>> wordRanges(const QString& text)
{
    QList<QPair<int, int>> out;
    int i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isWordChar(text.at(i)))
            ++i;
        const int start = i;
        while (i < text.size() && isWordChar(text.at(i)))
            ++i;
        if (i > start)
            out.append({start, i});
    }
    return out;
}

} // namespace

QString foldForSearch(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = true;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber()) {
            out += c.toLower();
            space = false;
        } else if (!space) {
            out += QLatin1Char(' ');
            space = true;
        }
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

bool SearchWord::matches(const QString& foldedWord) const
{
    if (prefix ? foldedWord.startsWith(text) : foldedWord == text)
        return true;
    return typos.contains(foldedWord);
}

QList<SearchWord> searchWords(const QString& query)
{
    const QStringList parts = foldForSearch(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool typing = !query.isEmpty() && isWordChar(query.back());
    QList<SearchWord> out;
    for (int i = 0; i < parts.size() && i < kMaxWords; ++i) {
        SearchWord word;
        word.text = parts.at(i);
        const bool last = i == parts.size() - 1 || i == kMaxWords - 1;
        const auto length = static_cast<std::size_t>(word.text.toUcs4().size());
        word.prefix = length >= 3 || (last && typing && length >= 2);
        out.append(word);
    }
    return out;
}

HighlightedString highlightWords(const QString& text, const QList<SearchWord>& words)
{
    HighlightedString out{text, {}};
    if (words.isEmpty())
        return out;
    for (const auto& [start, end] : wordRanges(text)) {
        const QString folded = foldForSearch(text.mid(start, end - start));
        for (const SearchWord& word : words) {
            if (word.matches(folded)) {
                out.matches.append({start, end - start});
                break;
            }
        }
    }
    return out;
}

HighlightedString snippetAround(const QString& text, const QList<SearchWord>& words, int maxChars)
{
    const HighlightedString all = highlightWords(text, words);
    if (text.size() <= maxChars)
        return all;
    // Start a little before the first match, at a word boundary.
    int from = all.matches.isEmpty() ? 0 : qMax(0, all.matches.first().start - maxChars / 4);
    while (from > 0 && isWordChar(text.at(from - 1)))
        --from;
    int to = qMin(static_cast<int>(text.size()), from + maxChars);
    while (to < text.size() && isWordChar(text.at(to)))
        ++to;
    HighlightedString out;
    const QString ellipsis = QStringLiteral("…");
    const int shift = from > 0 ? static_cast<int>(ellipsis.size()) - from : -from;
    out.text = (from > 0 ? ellipsis : QString()) + text.mid(from, to - from) + (to < text.size() ? ellipsis : QString());
    for (const TextMatch& m : all.matches)
        if (m.start >= from && m.start + m.length <= to)
            out.matches.append({m.start + shift, m.length});
    return out;
}

} // namespace marquee::client
