#pragma once

#include <utility>
#include <variant>

namespace mqttdesk {

// Either a value or an error (C++20 has no std::expected). Accessing the side that is
// not held is a programming error (std::get throws std::bad_variant_access).
template<typename T, typename E>
class Result
{
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_v(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const E &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

} // namespace mqttdesk
