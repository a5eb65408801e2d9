#include "ui/theme/theme.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace mqttdesk;

namespace {

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// Palettes the roles were not tuned for: the roles must still read on them.
QPalette solarized(bool dark)
{
    QPalette p = dark ? Theme::darkPalette() : lightPalette();
    p.setColor(QPalette::Window, dark ? QColor(0x00, 0x2b, 0x36) : QColor(0xfd, 0xf6, 0xe3));
    p.setColor(QPalette::Base, dark ? QColor(0x07, 0x36, 0x42) : QColor(0xee, 0xe8, 0xd5));
    const QColor text = dark ? QColor(0x93, 0xa1, 0xa1) : QColor(0x58, 0x6e, 0x75);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Highlight, QColor(0x26, 0x8b, 0xd2));
    return p;
}

// One source line split into its code (string literals emptied) and its string literals.
struct SourceLine
{
    QString code;
    QStringList strings;
};

// A small C++ lexer: enough to tell code, comments and string literals apart.
QList<SourceLine> splitSource(const QString &text)
{
    QList<SourceLine> lines(1);
    enum class State
    {
        Code,
        LineComment,
        BlockComment,
        String,
        Char
    };
    State state = State::Code;
    QString literal;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        const QChar previous = i > 0 ? text.at(i - 1) : QChar();
        if (state == State::Code && c == u'R' && next == u'"' && !previous.isLetterOrNumber() &&
            previous != u'_') {
            // R"delim( ... )delim": its lines count as string literals.
            const qsizetype open = text.indexOf(u'(', i + 2);
            const QString close = u')' + text.mid(i + 2, open - i - 2) + u'"';
            const qsizetype end = text.indexOf(close, open);
            const QStringList parts = text.mid(open + 1, end - open - 1).split(u'\n');
            for (qsizetype n = 0; n < parts.size(); ++n) {
                if (n > 0)
                    lines.append(SourceLine{});
                lines.last().strings << parts.at(n);
            }
            lines.last().code += QStringLiteral("\"\"");
            i = end + close.size() - 1;
            continue;
        }
        if (c == u'\n') {
            if (state == State::LineComment)
                state = State::Code;
            lines.append(SourceLine{});
            continue;
        }
        switch (state) {
        case State::Code:
            if (c == u'/' && next == u'/') {
                state = State::LineComment;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
            } else if (c == u'"') {
                state = State::String;
                literal.clear();
                lines.last().code += QStringLiteral("\"\"");
            } else if (c == u'\'') {
                state = State::Char;
            } else {
                lines.last().code += c;
            }
            break;
        case State::LineComment:
            break;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Code;
                ++i;
            }
            break;
        case State::String:
            if (c == u'\\') {
                literal += c;
                literal += next;
                ++i;
            } else if (c == u'"') {
                lines.last().strings << literal;
                state = State::Code;
            } else {
                literal += c;
            }
            break;
        case State::Char:
            if (c == u'\\')
                ++i;
            else if (c == u'\'')
                state = State::Code;
            break;
        }
    }
    return lines;
}

// "line: text" for every colour spelled out in a source file.
QStringList colourLiterals(const QString &source)
{
    static const QRegularExpression codePatterns[] = {
        // QColor(0xc0, ...), QColor("#fff"), QColor(Qt::red), QColor{...}
        QRegularExpression(
            QStringLiteral(R"(\bQColor\s*[({]\s*(0x|\d|""|Qt::|QStringLiteral|QLatin1String))")),
        QRegularExpression(QStringLiteral(R"(\bQColor::from\w+\s*\(\s*(0x|\d|""))")),
        QRegularExpression(QStringLiteral(R"(\bqRgba?\s*\()")),
        QRegularExpression(QStringLiteral(
            R"(\bQt::(white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|)"
            R"(magenta|darkMagenta|yellow|darkYellow|gray|darkGray|lightGray|color0|color1)\b)")),
    };
    static const QRegularExpression stringPatterns[] = {
        QRegularExpression(
            QStringLiteral(R"(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b)")),
        QRegularExpression(QStringLiteral(R"(\b(rgba?|hsla?|hsva?|palette)\s*\()")),
        // color: red, background: white, border: 1px solid gray
        QRegularExpression(QStringLiteral(R"(\b(color|background)\s*:\s*[a-zA-Z])")),
        QRegularExpression(QStringLiteral(R"(\bsolid\s+[a-zA-Z])")),
    };
    QStringList found;
    const QList<SourceLine> lines = splitSource(source);
    const QStringList text = source.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const SourceLine &line = lines.at(n);
        bool hit = false;
        for (const QRegularExpression &re : codePatterns)
            hit = hit || re.match(line.code).hasMatch();
        for (const QString &s : line.strings)
            for (const QRegularExpression &re : stringPatterns)
                hit = hit || re.match(s).hasMatch();
        if (hit)
            found << QStringLiteral("%1: %2").arg(n + 1).arg(text.at(n).trimmed());
    }
    return found;
}

} // namespace

// Every colour role keeps its contrast on light, dark and untuned palettes, differs between
// light and dark where it must, and ui/ spells no colour outside ui/theme/.
class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contrast_data();
    void contrast();
    void lightAndDarkDiffer();
    void oneErrorRed();
    void readableKeepsHue();
    void textRoleFollowsThePalette();
    void scannerFindsLiterals();
    void noColourLiteralsOutsideTheme();
};

void TestTheme::contrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << lightPalette() << false;
    QTest::newRow("dark") << Theme::darkPalette() << true;
    QTest::newRow("theme-light") << Theme::lightPalette() << false;
    QTest::newRow("solarized-light") << solarized(false) << false;
    QTest::newRow("solarized-dark") << solarized(true) << true;
}

void TestTheme::contrast()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);
    QCOMPARE(Theme::isDark(palette), dark);
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    auto atLeast = [&](const char *role, const QColor &colour, const QColor &background,
                       double min) {
        const double ratio = Theme::contrast(colour, background);
        QVERIFY2(ratio >= min,
                 qPrintable(QStringLiteral("%1 %2 on %3: %4 < %5")
                                .arg(QLatin1String(role), colour.name(), background.name())
                                .arg(ratio, 0, 'f', 2)
                                .arg(min)));
    };
    const struct
    {
        const char *name;
        QColor colour;
        double min;
    } onSurface[] = {
        {"errorText", Theme::errorText(palette), Theme::kTextContrast},
        {"warningText", Theme::warningText(palette), Theme::kTextContrast},
        {"successText", Theme::successText(palette), Theme::kTextContrast},
        {"mutedText", Theme::mutedText(palette), Theme::kTextContrast},
        {"statusConnected", Theme::statusConnected(palette), Theme::kMarkerContrast},
        {"statusConnecting", Theme::statusConnecting(palette), Theme::kMarkerContrast},
        {"statusDisconnected", Theme::statusDisconnected(palette), Theme::kMarkerContrast},
        {"statusError", Theme::statusError(palette), Theme::kMarkerContrast},
        {"errorBadge", Theme::errorBadge(palette), Theme::kMarkerContrast},
        {"warningBadge", Theme::warningBadge(palette), Theme::kMarkerContrast},
        {"successBadge", Theme::successBadge(palette), Theme::kMarkerContrast},
    };
    for (const auto &role : onSurface) {
        atLeast(role.name, role.colour, window, role.min);
        atLeast(role.name, role.colour, base, role.min);
    }
    for (const QColor &badge :
         {Theme::errorBadge(palette), Theme::warningBadge(palette), Theme::successBadge(palette)})
        atLeast("badgeMark", Theme::badgeMark(badge, palette), badge, Theme::kMarkerContrast);
    for (Theme::Text role :
         {Theme::Text::Error, Theme::Text::Warning, Theme::Text::Success, Theme::Text::Muted})
        atLeast("text(role)", Theme::text(role, palette), window, Theme::kTextContrast);

    // Bubbles: every default subscription colour, none, and published.
    QList<QColor> subscriptions = Theme::subscriptionPalette();
    subscriptions << QColor() << QColor(0xff, 0xff, 0x00) << QColor(0x10, 0x10, 0x10);
    QList<std::pair<QColor, QColor>> bubbles; // fill, border
    for (const QColor &s : std::as_const(subscriptions))
        bubbles.append(
            {Theme::bubbleIncoming(s, palette), Theme::bubbleIncomingBorder(s, palette)});
    bubbles.append({Theme::bubbleOutgoing(palette), Theme::bubbleOutgoingBorder(palette)});
    for (const auto &[fill, border] : std::as_const(bubbles)) {
        QVERIFY(fill != base); // tinted
        atLeast("bubble border", border, base, Theme::kMarkerContrast);
        atLeast("text on bubble", Theme::onBubble(palette.color(QPalette::Text), fill), fill,
                Theme::kTextContrast);
        atLeast("link on bubble", Theme::onBubble(palette.color(QPalette::Link), fill), fill,
                Theme::kTextContrast);
        atLeast("error on bubble", Theme::onBubble(Theme::errorText(palette), fill), fill,
                Theme::kTextContrast);
        atLeast("placeholder on bubble",
                Theme::onBubble(palette.color(QPalette::PlaceholderText), fill), fill,
                Theme::kTextContrast);
        for (int kind = 0; kind <= int(JsonTokenKind::Punctuation); ++kind)
            atLeast("jsonText", Theme::jsonText(JsonTokenKind(kind), palette, fill), fill,
                    Theme::kTextContrast);
    }
}

void TestTheme::lightAndDarkDiffer()
{
    const QPalette light = lightPalette();
    const QPalette dark = Theme::darkPalette();
    // Text: darker than its background on light, lighter on dark.
    for (auto role : {&Theme::errorText, &Theme::warningText, &Theme::successText,
                      &Theme::mutedText, &Theme::statusDisconnected}) {
        const QColor l = role(light);
        const QColor d = role(dark);
        QVERIFY2(l != d, qPrintable(l.name()));
        QVERIFY(Theme::luminance(l) < Theme::luminance(light.color(QPalette::Base)));
        QVERIFY(Theme::luminance(d) > Theme::luminance(dark.color(QPalette::Base)));
        QVERIFY2(Theme::luminance(l) < Theme::luminance(d), qPrintable(l.name() + u' ' + d.name()));
    }
    const QColor blue = Theme::subscriptionPalette().first();
    QVERIFY(Theme::bubbleIncoming(blue, light) != Theme::bubbleIncoming(blue, dark));
    QVERIFY(Theme::bubbleIncoming(blue, dark).lightness() < 128);
    QVERIFY(Theme::bubbleIncoming(blue, light).lightness() > 128);
    QVERIFY(Theme::jsonText(JsonTokenKind::Key, light, light.color(QPalette::Base)) !=
            Theme::jsonText(JsonTokenKind::Key, dark, dark.color(QPalette::Base)));
    // Different subscriptions give different bubbles.
    QVERIFY(Theme::bubbleIncoming(blue, light) !=
            Theme::bubbleIncoming(Theme::subscriptionPalette().at(1), light));
}

void TestTheme::oneErrorRed()
{
    for (const QPalette &p : {lightPalette(), Theme::darkPalette()}) {
        const QColor red = Theme::errorText(p);
        QCOMPARE(Theme::statusError(p), red);
        QCOMPARE(Theme::errorBadge(p), red);
        QCOMPARE(Theme::text(Theme::Text::Error, p), red);
        QVERIFY(red.red() > red.green() && red.red() > red.blue());
    }
}

void TestTheme::readableKeepsHue()
{
    const QColor white(0xff, 0xff, 0xff);
    const QColor yellow(0xff, 0xff, 0x00);
    const QColor adjusted = Theme::readable(yellow, {white}, 4.5);
    QVERIFY(Theme::contrast(adjusted, white) >= 4.5);
    QVERIFY(qAbs(adjusted.hslHue() - yellow.hslHue()) <= 2);
    // Already readable: unchanged.
    const QColor navy(0x00, 0x00, 0x80);
    QCOMPARE(Theme::readable(navy, {white}, 4.5), navy);
    QCOMPARE(Theme::contrast(white, QColor(0, 0, 0)), 21.0);
}

void TestTheme::textRoleFollowsThePalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(lightPalette());
    QWidget window;
    auto *label = new QLabel(QStringLiteral("Broken"), &window);
    auto *note = new QLabel(QStringLiteral("Note"), &window);
    auto *plain = new QLabel(QStringLiteral("Plain"), &window);
    note->move(0, 40);
    Theme::setTextRole(label, Theme::Text::Error);
    // Muted is derived from the text colour, the very colour a role sets: it has to come
    // from the surroundings, or each application would change it again.
    Theme::setTextRole(note, Theme::Text::Muted);
    Theme::setTextRole(plain, Theme::Text::Error);
    Theme::setTextRole(plain, Theme::Text::Normal);
    auto textOf = [](QLabel *l) { return l->palette().color(QPalette::WindowText); };
    QCOMPARE(textOf(label), Theme::errorText(lightPalette()));
    QCOMPARE(textOf(note), Theme::mutedText(lightPalette()));
    QCOMPARE(textOf(plain), lightPalette().color(QPalette::WindowText));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QApplication::setPalette(Theme::darkPalette());
    QTRY_COMPARE(textOf(label), Theme::errorText(Theme::darkPalette()));
    QTRY_COMPARE(textOf(note), Theme::mutedText(Theme::darkPalette()));
    QCOMPARE(textOf(plain), Theme::darkPalette().color(QPalette::WindowText));
    // The rendered text is the dark role's red.
    const QColor red = Theme::errorText(Theme::darkPalette());
    const QImage image = label->grab().toImage();
    bool found = false;
    for (int y = 0; y < image.height() && !found; ++y) {
        for (int x = 0; x < image.width() && !found; ++x) {
            const QColor c = image.pixelColor(x, y);
            found = qAbs(c.red() - red.red()) + qAbs(c.green() - red.green()) +
                        qAbs(c.blue() - red.blue()) <
                    30;
        }
    }
    QVERIFY(found);

    QApplication::setPalette(lightPalette());
    QTRY_COMPARE(textOf(note), Theme::mutedText(lightPalette()));
    QCOMPARE(textOf(label), Theme::errorText(lightPalette()));
    QApplication::setPalette(original);
}

void TestTheme::scannerFindsLiterals()
{
    const QString source =
        QStringLiteral("return QColor(0xc0, 0x1c, 0x28);\n"                           // 1
                       "label->setStyleSheet(QStringLiteral(\"color: #c62828;\"));\n" // 2
                       "p.setPen(Qt::white);\n"                                       // 3
                       "w->setStyleSheet(\"background: rgb(1, 2, 3)\");\n"            // 4
                       "w->setStyleSheet(\"color: palette(mid);\");\n"                // 5
                       "QColor c = QColor::fromRgb(12, 34, 56);\n"                    // 6
                       "w->setStyleSheet(\"border: 1px solid gray\");\n"              // 7
                       "QColor none = QColor();\n" // clean from here
                       "#include \"ui/theme/theme.h\"\n"
                       "// a comment may say #c01c28 or QColor(1, 2, 3)\n"
                       "/* Qt::red */ pixmap.fill(Qt::transparent);\n"
                       "setNameFilter(tr(\"PKCS#12 bundles (*.p12)\"));\n"
                       "dot->setStyleSheet(QStringLiteral(\"background:%1;\").arg(c.name()));\n"
                       "const QColor text = pal.color(QPalette::Text);\n"
                       "const char *raw = R\"x(a \"quoted\" (bit)\n"
                       "on two lines)x\"; p.setPen(Qt::black);\n"); // 16: code after a raw string
    const QStringList found = colourLiterals(source);
    QCOMPARE(found.size(), 8);
    for (int n = 0; n < 7; ++n)
        QVERIFY2(found.at(n).startsWith(QString::number(n + 1) + u':'), qPrintable(found.at(n)));
    QVERIFY2(found.at(7).startsWith(QStringLiteral("16:")), qPrintable(found.at(7)));
}

void TestTheme::noColourLiteralsOutsideTheme()
{
    const QString ui = QStringLiteral(MQTTDESK_SOURCE_DIR "/ui");
    QVERIFY(QFile::exists(ui + QStringLiteral("/theme/theme.cpp")));
    QStringList problems;
    int scanned = 0;
    QDirIterator it(ui, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(ui + QStringLiteral("/theme/")))
            continue;
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        ++scanned;
        for (const QString &hit : colourLiterals(QString::fromUtf8(file.readAll())))
            problems << path.mid(ui.size() - 2) + u':' + hit;
    }
    QVERIFY2(scanned > 50, qPrintable(QString::number(scanned)));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("colours outside ui/theme/ (use a Theme role):\n") +
                        problems.join(u'\n')));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
