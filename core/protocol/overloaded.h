#pragma once

namespace mqttdesk {

// A visitor for std::visit made of one lambda per alternative:
//   std::visit(Overloaded{[](const A &) {...}, [](const B &) {...}}, variant);
template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace mqttdesk
