#pragma once

#include <QString>

#include <cstddef>
#include <string_view>

namespace mqttdesk {

// The name of an enumerator from a table of names in the order of the enum's declaration,
// `First` to `Last` (one name each, checked when it compiles); `unknown` for a value
// outside them. For logs and tests: not translated.
template<auto First, auto Last, std::size_t N>
QString enumName(const std::string_view (&names)[N], decltype(First) value,
                 const QString &unknown = QStringLiteral("Unknown"))
{
    static_assert(N == std::size_t(Last) - std::size_t(First) + 1, "one name per enumerator");
    const std::size_t index = std::size_t(value) - std::size_t(First);
    if (index >= N)
        return unknown;
    return QString::fromLatin1(names[index].data(), qsizetype(names[index].size()));
}

} // namespace mqttdesk
