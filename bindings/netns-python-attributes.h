/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Conversion between Python values and ns-3 attribute values, and
 * connection of Python callables to ns-3 trace sources.
 *
 * ns-3 aborts the process on an unknown attribute name, a value its checker
 * rejects, an unparsable time or type name, or a trace sink of the wrong
 * signature. Everything here checks first and raises a Python exception
 * instead, so the ns-3 call that follows cannot abort.
 */
#ifndef NETNS_PYTHON_ATTRIBUTES_H
#define NETNS_PYTHON_ATTRIBUTES_H

#include "netns-python-support.h"

#include "ns3/address.h"
#include "ns3/attribute.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object-base.h"
#include "ns3/type-id.h"

#include <optional>
#include <string>

namespace ns3
{
namespace python
{

/// What an attribute is looked up for, which decides the flag it must carry.
enum class AttributeUse
{
    Get,       //!< read from an object (TypeId::ATTR_GET)
    Set,       //!< written to an object (TypeId::ATTR_SET)
    Construct, //!< given to an object factory (TypeId::ATTR_CONSTRUCT)
    Default,   //!< set as the type's initial value (any flag)
};

/**
 * Find an attribute of a type or of one of its parents.
 * @param tid the type
 * @param name the attribute name
 * @param use what the attribute is for
 * @return its information; raises AttributeError when the type has no such
 *         attribute or the attribute does not allow the use
 */
TypeId::AttributeInformation LookupAttribute(TypeId tid, const std::string& name, AttributeUse use);

/**
 * Convert a Python value into a value that an attribute's checker accepts.
 * @param owner the attribute, as messages name it: attribute "X" of ns3::Y
 * @param checker the attribute's checker
 * @param value a Python value: str in ns-3's text form, or a value of the
 *        matching bound type (bool, int, float, Time, Address, ...)
 * @return the checked value; raises TypeError or ValueError
 */
Ptr<AttributeValue> ToAttributeValue(const std::string& owner,
                                     Ptr<const AttributeChecker> checker,
                                     py::handle value);

/**
 * Convert the value of an attribute of a type for a given use.
 * @param tid the type
 * @param name the attribute name
 * @param value the Python value
 * @param use what the value is for
 * @return the checked value; raises AttributeError, TypeError or ValueError
 */
Ptr<AttributeValue> MakeAttributeValue(TypeId tid,
                                       const std::string& name,
                                       py::handle value,
                                       AttributeUse use);

/**
 * Convert an attribute value to the Python value GetAttribute() returns.
 * @param value the value
 * @param checker its checker
 * @return bool, int, float, str, Time, an address, a TypeId, an object or None
 */
py::object FromAttributeValue(const AttributeValue& value, Ptr<const AttributeChecker> checker);

/**
 * Set an attribute of an object.
 * @param object the object
 * @param name the attribute name
 * @param value the Python value
 */
void SetObjectAttribute(ObjectBase& object, const std::string& name, py::handle value);

/**
 * Read an attribute of an object.
 * @param object the object
 * @param name the attribute name
 * @return the Python value
 */
py::object GetObjectAttribute(const ObjectBase& object, const std::string& name);

/**
 * Connect a Python callable to a trace source of an object. The callable
 * receives the trace's arguments converted to Python, preceded by the
 * context string when one is given.
 * @param object the object
 * @param name the trace source name
 * @param sink the callable
 * @param context the context string, or nullopt to connect without context
 * @return true; raises AttributeError for an unknown trace source and
 *         TypeError for a signature the bindings cannot convert
 */
bool ConnectTrace(ObjectBase& object,
                  const std::string& name,
                  py::function sink,
                  std::optional<std::string> context);

/**
 * @return the trace source signatures ConnectTrace() can convert, sorted
 */
std::vector<std::string> GetSupportedTraceSignatures();

/**
 * Parse a dotted-quad IPv4 address strictly.
 * @param text the text
 * @return the address; raises ValueError
 */
Ipv4Address ParseIpv4Address(const std::string& text);

/**
 * Parse an IPv4 mask: dotted quad with contiguous ones, or "/N".
 * @param text the text
 * @return the mask; raises ValueError
 */
Ipv4Mask ParseIpv4Mask(const std::string& text);

/**
 * Parse a time the way ns-3 writes it: a number with an optional unit,
 * one of s, ms, us, ns, ps, fs, min, h, d and y. A bare number is seconds.
 * @param text the text
 * @return the time; raises ValueError
 */
Time ParseTime(const std::string& text);

/**
 * Find a registered TypeId by name.
 * @param name a name such as "ns3::TcpSocketFactory"
 * @return the TypeId; raises ValueError when no type has that name
 */
TypeId LookupTypeId(const std::string& name);

/**
 * Convert an address to the most specific bound Python type:
 * InetSocketAddress, Ipv4Address, or Address.
 * @param address the address
 * @return the Python value
 */
py::object AddressToPython(const Address& address);

/**
 * Convert a Python address (Address, Ipv4Address, InetSocketAddress, or a
 * string "A.B.C.D" or "A.B.C.D:PORT") to an ns-3 Address.
 * @param value the Python value
 * @return the address; raises TypeError or ValueError
 */
Address AddressFromPython(py::handle value);

} // namespace python
} // namespace ns3

#endif /* NETNS_PYTHON_ATTRIBUTES_H */
