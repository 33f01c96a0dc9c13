// SPDX-License-Identifier: MIT
#include "explain/sqlhighlighter.h"

namespace shardscope {

namespace {

enum BlockState : int
{
    Normal = 0,
    InComment = 1, // inside /* ... */ that continues on the next line
};

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document),
      m_keywords(
          QStringLiteral("\\b(SELECT|FROM|WHERE|AND|OR|NOT|IN|IS|NULL|AS|ON|JOIN|LEFT|RIGHT|FULL|INNER|OUTER|CROSS|"
                         "LATERAL|USING|GROUP|BY|ORDER|HAVING|LIMIT|OFFSET|DISTINCT|UNION|ALL|INTERSECT|EXCEPT|WITH|"
                         "RECURSIVE|MATERIALIZED|INSERT|INTO|VALUES|UPDATE|SET|DELETE|MERGE|MATCHED|RETURNING|CREATE|"
                         "TABLE|INDEX|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|EXPLAIN|ANALYZE|VERBOSE|BUFFERS|SETTINGS|WAL|"
                         "FORMAT|JSON|TEXT|CASE|WHEN|THEN|ELSE|END|BETWEEN|LIKE|ILIKE|EXISTS|ANY|ASC|DESC|NULLS|FIRST|"
                         "LAST|OVER|PARTITION|WINDOW|FILTER|TRUE|FALSE|CAST|COALESCE|COUNT|SUM|AVG|MIN|MAX|LOCAL)\\b"),
          QRegularExpression::CaseInsensitiveOption),
      m_numbers(QStringLiteral("\\b\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\b"))
{
    m_keywordFormat.setForeground(QColor(25, 95, 200));
    m_keywordFormat.setFontWeight(QFont::Bold);
    m_stringFormat.setForeground(QColor(170, 60, 30));
    m_numberFormat.setForeground(QColor(130, 60, 170));
    m_commentFormat.setForeground(QColor(110, 120, 110));
    m_commentFormat.setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    for (auto it = m_keywords.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_keywordFormat);
    }
    for (auto it = m_numbers.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_numberFormat);
    }
    // Strings, quoted identifiers and comments override the word colours; scanned left to right.
    int i = 0;
    if (previousBlockState() == InComment) {
        const int end = int(text.indexOf(QStringLiteral("*/")));
        const int stop = end < 0 ? int(text.size()) : end + 2;
        setFormat(0, stop, m_commentFormat);
        if (end < 0) {
            setCurrentBlockState(InComment);
            return;
        }
        i = stop;
    }
    setCurrentBlockState(Normal);
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            int end = int(text.indexOf(c, i + 1));
            end = end < 0 ? int(text.size()) : end + 1;
            setFormat(i, end - i, m_stringFormat);
            i = end;
        } else if (c == QLatin1Char('-') && text.mid(i, 2) == QStringLiteral("--")) {
            setFormat(i, int(text.size()) - i, m_commentFormat);
            return;
        } else if (c == QLatin1Char('/') && text.mid(i, 2) == QStringLiteral("/*")) {
            const int end = int(text.indexOf(QStringLiteral("*/"), i + 2));
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_commentFormat);
                setCurrentBlockState(InComment);
                return;
            }
            setFormat(i, end + 2 - i, m_commentFormat);
            i = end + 2;
        } else {
            ++i;
        }
    }
}

} // namespace shardscope
