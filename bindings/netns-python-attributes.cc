/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests: test/python/test_bindings_core.py (attributes, Config, traces).
 */
#include "netns-python-attributes.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/integer.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/sequence-number.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-socket-base.h"
#include "ns3/tcp-socket-state.h"
#include "ns3/tcp-socket.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstdlib>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

/** @return the text between double quotes, as messages show values */
std::string
Quote(const std::string& text)
{
    return "\"" + text + "\"";
}

/** @return "attribute "X" of ns3::Y" */
std::string
AttributeOwner(TypeId tid, const std::string& name)
{
    return "attribute " + Quote(name) + " of " + tid.GetName();
}

/** @return the Python type name of a value, for TypeError messages */
std::string
PythonTypeName(py::handle value)
{
    return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

/**
 * @return the value type of a checker without the "ns3::" that only some
 *         checkers put in front (DoubleValue has it, DataRateValue does not)
 */
std::string
ValueTypeName(Ptr<const AttributeChecker> checker)
{
    const std::string name = checker->GetValueTypeName();
    return name.rfind("ns3::", 0) == 0 ? name.substr(5) : name;
}

/** @return true for a Python int that is not a bool */
bool
IsPythonInt(py::handle value)
{
    return py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value);
}

/**
 * Check a time text as Time(std::string) reads it, which aborts on an
 * unknown unit and reads garbage from an empty number.
 * @return the error, or an empty string when the text is valid
 */
std::string
TimeTextError(const std::string& text)
{
    static const std::set<std::string>
        units{"", "s", "ms", "us", "ns", "ps", "fs", "min", "h", "d", "y"};
    const std::string::size_type end = text.find_first_not_of("+-0123456789.eE");
    const std::string number = text.substr(0, end);
    const std::string unit = end == std::string::npos ? "" : text.substr(end);
    char* parsed = nullptr;
    if (number.empty() || (std::strtod(number.c_str(), &parsed), *parsed != '\0'))
    {
        return "expected a number with an optional unit, such as \"2ms\" or \"1.5s\"";
    }
    if (units.count(unit) == 0)
    {
        return "unknown time unit " + Quote(unit) + "; use s, ms, us, ns, ps, fs, min, h, d or y";
    }
    return "";
}

/**
 * Check an address text: "A.B.C.D" or "A.B.C.D:PORT".
 * @param text the text
 * @param address set to the parsed address
 * @return the error, or an empty string
 */
std::string
ParseAddressText(const std::string& text, Address& address)
{
    const std::string::size_type colon = text.find(':');
    in_addr parsed{};
    const std::string host = text.substr(0, colon);
    if (inet_pton(AF_INET, host.c_str(), &parsed) != 1)
    {
        return "expected \"A.B.C.D\" or \"A.B.C.D:PORT\"";
    }
    const Ipv4Address ipv4(ntohl(parsed.s_addr));
    if (colon == std::string::npos)
    {
        address = ipv4;
        return "";
    }
    const std::string portText = text.substr(colon + 1);
    char* end = nullptr;
    const unsigned long port = std::strtoul(portText.c_str(), &end, 10);
    if (portText.empty() || *end != '\0' || port > 65535 || portText[0] == '-' ||
        portText[0] == '+')
    {
        return "the port must be a number from 0 to 65535";
    }
    address = InetSocketAddress(ipv4, static_cast<uint16_t>(port));
    return "";
}

/** @return the enum names an EnumChecker accepts */
std::vector<std::string>
EnumNames(Ptr<const AttributeChecker> checker)
{
    std::vector<std::string> names;
    std::istringstream list(checker->GetUnderlyingTypeInformation());
    std::string name;
    while (std::getline(list, name, '|'))
    {
        names.push_back(name);
    }
    return names;
}

std::string ObjectFactoryTextError(const std::string& text);

/** @return true when the whole text matches the regular expression */
bool
Matches(const std::string& text, const char* pattern)
{
    return std::regex_match(text, std::regex(pattern));
}

/** @return what a checker accepts, for ValueError messages */
std::string
ExpectedValues(Ptr<const AttributeChecker> checker)
{
    return checker->HasUnderlyingTypeInformation()
               ? "expected " + checker->GetUnderlyingTypeInformation()
               : "rejected by the attribute's checker";
}

/** @return the form of a value with a unit, for messages */
std::string
UnitHint(const std::string& type)
{
    return type == "DataRateValue" ? "expected a number and a unit, such as 10Mbps"
                                   : "expected a number and a unit, such as 100p";
}

/**
 * Check text that ns-3 reads with operator>>. Its attribute parsers abort
 * the process unless the stream ends exactly at the end of the text, so a
 * number must be all digits and every other value a single word.
 * @return the error, or an empty string
 */
std::string
StreamTextError(const std::string& type, const std::string& text)
{
    if (type == "UintegerValue" && !Matches(text, "\\+?[0-9]+"))
    {
        return "expected a non-negative decimal integer";
    }
    if (type == "IntegerValue" && !Matches(text, "[+-]?[0-9]+"))
    {
        return "expected a decimal integer";
    }
    if (type == "DoubleValue" &&
        !Matches(text, "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?"))
    {
        return "expected a decimal number";
    }
    if ((type == "DataRateValue" || type == "QueueSizeValue") &&
        !Matches(text, "[0-9.]+[A-Za-z/]+"))
    {
        return UnitHint(type);
    }
    return "";
}

// ns-3 divides by a link's or sender's bit rate (DataRate::CalculateBytesTxTime),
// so a rate of 0 bit/s raises SIGFPE later, in Install() or at the first send.
const char* const ZERO_RATE_ERROR = "a data rate must be at least 1bps";

/** Whether a value is a DataRateValue of 0 bit/s. */
bool
IsZeroDataRate(const AttributeValue& value)
{
    const auto* rate = dynamic_cast<const DataRateValue*>(&value);
    return rate != nullptr && rate->Get().GetBitRate() == 0;
}

/**
 * Parse the text of an attribute value, checking first every text ns-3's
 * own parser would abort on.
 * @param checker the attribute's checker
 * @param text the text
 * @param nested true for a value inside an object description, which ns-3
 *        parses itself (so an Address there would need its internal format)
 * @param error set to the reason on failure
 * @return the value, or nullptr with the error set
 */
Ptr<AttributeValue>
ParseAttributeText(Ptr<const AttributeChecker> checker,
                   const std::string& text,
                   bool nested,
                   std::string& error)
{
    const std::string type = ValueTypeName(checker);
    if (type == "StringValue")
    {
        return Create<StringValue>(text);
    }
    if (type == "TimeValue")
    {
        error = TimeTextError(text);
        return error.empty() ? Create<TimeValue>(Time(text)) : nullptr;
    }
    if (type == "AddressValue" && !nested)
    {
        Address address;
        error = ParseAddressText(text, address);
        return error.empty() ? Create<AddressValue>(address) : nullptr;
    }
    if (type == "Ipv4AddressValue" || type == "Ipv4MaskValue")
    {
        try
        {
            if (type == "Ipv4AddressValue")
            {
                return Create<Ipv4AddressValue>(ParseIpv4Address(text));
            }
            return Create<Ipv4MaskValue>(ParseIpv4Mask(text));
        }
        catch (const py::value_error& invalid)
        {
            error = invalid.what();
            return nullptr;
        }
    }
    if (type == "TypeIdValue")
    {
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(text, &tid))
        {
            error = "no type is registered under that name";
            return nullptr;
        }
        return Create<TypeIdValue>(tid);
    }
    if (type == "EnumValue")
    {
        const std::vector<std::string> names = EnumNames(checker);
        if (std::find(names.begin(), names.end(), text) == names.end())
        {
            error = "expected one of " + checker->GetUnderlyingTypeInformation();
            return nullptr;
        }
    }
    else if (type == "PointerValue")
    {
        error = ObjectFactoryTextError(text);
    }
    else if (type == "UintegerValue" || type == "IntegerValue" || type == "DoubleValue" ||
             type == "DataRateValue" || type == "QueueSizeValue")
    {
        error = StreamTextError(type, text);
    }
    else if (type != "BooleanValue")
    {
        // Other parsers are not known to reject bad text without aborting.
        error = "values of type " + type + " cannot be given as text here";
    }
    if (!error.empty())
    {
        return nullptr;
    }
    Ptr<AttributeValue> value = checker->Create();
    if (!value->DeserializeFromString(text, checker))
    {
        error = (type == "DataRateValue" || type == "QueueSizeValue") ? UnitHint(type)
                                                                      : ExpectedValues(checker);
        return nullptr;
    }
    if (IsZeroDataRate(*value))
    {
        error = ZERO_RATE_ERROR;
        return nullptr;
    }
    return value;
}

/**
 * Check an object factory text, "ns3::Type" or "ns3::Type[Name=Value|...]",
 * the way ObjectFactory's operator>> reads it. That parser looks the type
 * up without checking it exists and aborts on bad attribute values.
 * @return the error, or an empty string
 */
std::string
ObjectFactoryTextError(const std::string& text)
{
    if (text.find_first_of(" \t\n") != std::string::npos)
    {
        return "an object description must not contain white space";
    }
    const std::string::size_type open = text.find('[');
    const std::string::size_type close = text.find(']');
    if ((open == std::string::npos) != (close == std::string::npos) || close < open ||
        (close != std::string::npos && close + 1 != text.size()))
    {
        return "expected ns3::TypeName or ns3::TypeName[Name=Value|...]";
    }
    const std::string name = text.substr(0, open);
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(name, &tid))
    {
        return "no type is registered under the name " + Quote(name);
    }
    if (!tid.HasConstructor() || !tid.IsChildOf(Object::GetTypeId()))
    {
        return "type " + name + " is not an object that can be created by name";
    }
    if (open == std::string::npos)
    {
        return "";
    }
    const std::string parameters = text.substr(open + 1, close - open - 1);
    std::string::size_type current = 0;
    while (current < parameters.size())
    {
        const std::string::size_type equal = parameters.find('=', current);
        if (equal == std::string::npos)
        {
            return "expected Name=Value in " + Quote(parameters.substr(current));
        }
        const std::string::size_type next = parameters.find('|', current);
        const std::string attribute = parameters.substr(current, equal - current);
        const std::string value =
            parameters.substr(equal + 1,
                              next == std::string::npos ? std::string::npos : next - equal - 1);
        current = next == std::string::npos ? parameters.size() : next + 1;
        TypeId::AttributeInformation info;
        if (!tid.LookupAttributeByName(attribute, &info))
        {
            return name + " has no attribute " + Quote(attribute);
        }
        if (!(info.flags & TypeId::ATTR_CONSTRUCT))
        {
            return "attribute " + Quote(attribute) + " of " + name +
                   " cannot be set at construction";
        }
        std::string error;
        Ptr<AttributeValue> parsed = ParseAttributeText(info.checker, value, true, error);
        if (!parsed)
        {
            return "invalid value " + Quote(value) + " for attribute " + Quote(attribute) + " of " +
                   name + ": " + error;
        }
        if (!info.checker->Check(*parsed))
        {
            return "value " + Quote(value) + " is out of range for attribute " + Quote(attribute) +
                   " of " + name;
        }
    }
    return "";
}

/**
 * @return an enum value by number. ns-3 aborts on a number its checker
 *         does not know, so the number is looked up first.
 */
Ptr<AttributeValue>
EnumFromInt(Ptr<const AttributeChecker> checker, int number)
{
    const auto* enumChecker = dynamic_cast<const EnumChecker*>(PeekPointer(checker));
    for (const std::string& name : EnumNames(checker))
    {
        if (enumChecker->GetValue(name) == number)
        {
            return Create<EnumValue>(number);
        }
    }
    throw py::value_error("out of range");
}

/** @return the value for a Python object of a bound type, or nullptr when it has none */
Ptr<AttributeValue>
FromBoundValue(Ptr<const AttributeChecker> checker, py::handle value)
{
    const std::string type = ValueTypeName(checker);
    if (type == "BooleanValue" && py::isinstance<py::bool_>(value))
    {
        return Create<BooleanValue>(value.cast<bool>());
    }
    if (type == "UintegerValue" && IsPythonInt(value))
    {
        if (value.cast<py::int_>() < py::int_(0))
        {
            throw py::value_error("negative");
        }
        return Create<UintegerValue>(value.cast<uint64_t>());
    }
    if (type == "IntegerValue" && IsPythonInt(value))
    {
        return Create<IntegerValue>(value.cast<int64_t>());
    }
    if (type == "DoubleValue" && (IsPythonInt(value) || py::isinstance<py::float_>(value)))
    {
        return Create<DoubleValue>(value.cast<double>());
    }
    if (type == "EnumValue" && IsPythonInt(value))
    {
        return EnumFromInt(checker, value.cast<int>());
    }
    if (type == "TimeValue" && py::isinstance<Time>(value))
    {
        return Create<TimeValue>(value.cast<Time>());
    }
    if (type == "DataRateValue" && py::isinstance<DataRate>(value))
    {
        return Create<DataRateValue>(value.cast<DataRate>());
    }
    if (type == "AddressValue" &&
        (py::isinstance<Address>(value) || py::isinstance<Ipv4Address>(value) ||
         py::isinstance<InetSocketAddress>(value)))
    {
        return Create<AddressValue>(AddressFromPython(value));
    }
    if (type == "Ipv4AddressValue" && py::isinstance<Ipv4Address>(value))
    {
        return Create<Ipv4AddressValue>(value.cast<Ipv4Address>());
    }
    if (type == "Ipv4MaskValue" && py::isinstance<Ipv4Mask>(value))
    {
        return Create<Ipv4MaskValue>(value.cast<Ipv4Mask>());
    }
    if (type == "TypeIdValue" && py::isinstance<TypeId>(value))
    {
        return Create<TypeIdValue>(value.cast<TypeId>());
    }
    if (type == "PointerValue" && py::isinstance<Object>(value))
    {
        return Create<PointerValue>(value.cast<Ptr<Object>>());
    }
    return nullptr;
}

/** @return the Python types an attribute value type accepts, for TypeError messages */
std::string
AcceptedPythonTypes(const std::string& type)
{
    static const std::map<std::string, std::string> accepted{
        {"BooleanValue", "bool or str"},
        {"UintegerValue", "int or str"},
        {"IntegerValue", "int or str"},
        {"DoubleValue", "float, int or str"},
        {"StringValue", "str"},
        {"EnumValue", "str or int"},
        {"TimeValue", "Time or str"},
        {"DataRateValue", "DataRate or str"},
        {"AddressValue", "Address, Ipv4Address, InetSocketAddress or str"},
        {"Ipv4AddressValue", "Ipv4Address or str"},
        {"Ipv4MaskValue", "Ipv4Mask or str"},
        {"TypeIdValue", "TypeId or str"},
        {"PointerValue", "an ns-3 object or str"},
        {"QueueSizeValue", "str"},
    };
    auto it = accepted.find(type);
    return it == accepted.end() ? "" : it->second;
}

} // namespace

TypeId::AttributeInformation
LookupAttribute(TypeId tid, const std::string& name, AttributeUse use)
{
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info))
    {
        throw py::attribute_error(tid.GetName() + " has no attribute " + Quote(name));
    }
    // The flags default to get, set and construct whatever the accessor
    // offers, so the accessor decides too.
    const std::string owner = AttributeOwner(tid, name);
    if (use == AttributeUse::Get &&
        (!(info.flags & TypeId::ATTR_GET) || !info.accessor->HasGetter()))
    {
        throw py::attribute_error(owner + " cannot be read");
    }
    if (use == AttributeUse::Set &&
        (!(info.flags & TypeId::ATTR_SET) || !info.accessor->HasSetter()))
    {
        throw py::attribute_error(owner + " cannot be set");
    }
    if (use == AttributeUse::Construct &&
        (!(info.flags & TypeId::ATTR_CONSTRUCT) || !info.accessor->HasSetter()))
    {
        throw py::attribute_error(owner + " cannot be set at construction");
    }
    return info;
}

Ptr<AttributeValue>
ToAttributeValue(const std::string& owner, Ptr<const AttributeChecker> checker, py::handle value)
{
    const std::string type = ValueTypeName(checker);
    const std::string accepted = AcceptedPythonTypes(type);
    if (accepted.empty())
    {
        throw py::type_error(owner + " has value type " + type +
                             ", which the Python bindings cannot convert");
    }
    Ptr<AttributeValue> result;
    std::string text;
    if (py::isinstance<py::str>(value))
    {
        text = value.cast<std::string>();
        std::string error;
        result = ParseAttributeText(checker, text, false, error);
        if (!result)
        {
            throw py::value_error("invalid value " + Quote(text) + " for " + owner + ": " + error);
        }
    }
    else
    {
        text = py::str(value).cast<std::string>();
        try
        {
            result = FromBoundValue(checker, value);
        }
        catch (const py::cast_error&)
        {
            // An int too large for the C++ type.
            throw py::value_error("invalid value " + Quote(text) + " for " + owner + ": " +
                                  ExpectedValues(checker));
        }
        catch (const py::value_error&)
        {
            throw py::value_error("invalid value " + Quote(text) + " for " + owner + ": " +
                                  ExpectedValues(checker));
        }
        if (!result)
        {
            throw py::type_error(owner + " takes " + accepted + ", not " + PythonTypeName(value));
        }
    }
    // Check() only: CreateValidValue() would try a text round trip on failure,
    // which for an enum or pointer value of the wrong kind crashes ns-3.
    if (!checker->Check(*result))
    {
        throw py::value_error("invalid value " + Quote(text) + " for " + owner + ": " +
                              ExpectedValues(checker));
    }
    if (IsZeroDataRate(*result))
    {
        throw py::value_error("invalid value " + Quote(text) + " for " + owner + ": " +
                              ZERO_RATE_ERROR);
    }
    return result;
}

Ptr<AttributeValue>
MakeAttributeValue(TypeId tid, const std::string& name, py::handle value, AttributeUse use)
{
    const TypeId::AttributeInformation info = LookupAttribute(tid, name, use);
    return ToAttributeValue(AttributeOwner(tid, name), info.checker, value);
}

py::object
FromAttributeValue(const AttributeValue& value, Ptr<const AttributeChecker> checker)
{
    if (const auto* v = dynamic_cast<const BooleanValue*>(&value))
    {
        return py::bool_(v->Get());
    }
    if (const auto* v = dynamic_cast<const UintegerValue*>(&value))
    {
        return py::int_(v->Get());
    }
    if (const auto* v = dynamic_cast<const IntegerValue*>(&value))
    {
        return py::int_(v->Get());
    }
    if (const auto* v = dynamic_cast<const DoubleValue*>(&value))
    {
        return py::float_(v->Get());
    }
    if (const auto* v = dynamic_cast<const StringValue*>(&value))
    {
        return py::str(v->Get());
    }
    if (const auto* v = dynamic_cast<const TimeValue*>(&value))
    {
        return py::cast(v->Get());
    }
    if (const auto* v = dynamic_cast<const DataRateValue*>(&value))
    {
        return py::cast(v->Get());
    }
    if (const auto* v = dynamic_cast<const AddressValue*>(&value))
    {
        return AddressToPython(v->Get());
    }
    if (const auto* v = dynamic_cast<const Ipv4AddressValue*>(&value))
    {
        return py::cast(v->Get());
    }
    if (const auto* v = dynamic_cast<const Ipv4MaskValue*>(&value))
    {
        return py::cast(v->Get());
    }
    if (const auto* v = dynamic_cast<const TypeIdValue*>(&value))
    {
        return py::cast(v->Get());
    }
    if (const auto* v = dynamic_cast<const PointerValue*>(&value))
    {
        Ptr<Object> object = v->GetObject();
        return ObjectToPython(object);
    }
    return py::str(value.SerializeToString(checker));
}

void
SetObjectAttribute(ObjectBase& object, const std::string& name, py::handle value)
{
    const TypeId tid = object.GetInstanceTypeId();
    Ptr<AttributeValue> converted = MakeAttributeValue(tid, name, value, AttributeUse::Set);
    if (!object.SetAttributeFailSafe(name, *converted))
    {
        throw py::value_error("setting " + AttributeOwner(tid, name) + " failed");
    }
}

py::object
GetObjectAttribute(const ObjectBase& object, const std::string& name)
{
    const TypeId tid = object.GetInstanceTypeId();
    const TypeId::AttributeInformation info = LookupAttribute(tid, name, AttributeUse::Get);
    Ptr<AttributeValue> value = info.checker->Create();
    if (!object.GetAttributeFailSafe(name, *value))
    {
        throw py::value_error("reading " + AttributeOwner(tid, name) + " failed");
    }
    return FromAttributeValue(*value, info.checker);
}

Ipv4Address
ParseIpv4Address(const std::string& text)
{
    in_addr parsed{};
    if (inet_pton(AF_INET, text.c_str(), &parsed) != 1)
    {
        throw py::value_error("invalid IPv4 address " + Quote(text) +
                              ": expected four decimal numbers 0-255 separated by dots");
    }
    return Ipv4Address(ntohl(parsed.s_addr));
}

Ipv4Mask
ParseIpv4Mask(const std::string& text)
{
    if (!text.empty() && text[0] == '/')
    {
        char* end = nullptr;
        const std::string digits = text.substr(1);
        const unsigned long length = std::strtoul(digits.c_str(), &end, 10);
        if (digits.empty() || *end != '\0' || length > 32 || digits[0] == '-' || digits[0] == '+')
        {
            throw py::value_error("invalid IPv4 mask " + Quote(text) +
                                  ": the prefix length must be 0 to 32");
        }
        return Ipv4Mask(length == 0 ? 0 : 0xffffffffU << (32 - length));
    }
    in_addr parsed{};
    if (inet_pton(AF_INET, text.c_str(), &parsed) != 1)
    {
        throw py::value_error("invalid IPv4 mask " + Quote(text) +
                              ": expected a dotted quad such as 255.255.255.0, or /N");
    }
    const uint32_t mask = ntohl(parsed.s_addr);
    if ((~mask & (~mask + 1)) != 0)
    {
        throw py::value_error("invalid IPv4 mask " + Quote(text) +
                              ": the one bits must be contiguous from the left");
    }
    return Ipv4Mask(mask);
}

Time
ParseTime(const std::string& text)
{
    const std::string error = TimeTextError(text);
    if (!error.empty())
    {
        throw py::value_error("invalid time " + Quote(text) + ": " + error);
    }
    return Time(text);
}

TypeId
LookupTypeId(const std::string& name)
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(name, &tid))
    {
        throw py::value_error("no ns-3 type is registered under the name " + Quote(name));
    }
    return tid;
}

py::object
AddressToPython(const Address& address)
{
    if (InetSocketAddress::IsMatchingType(address))
    {
        return py::cast(InetSocketAddress::ConvertFrom(address));
    }
    if (Ipv4Address::IsMatchingType(address))
    {
        return py::cast(Ipv4Address::ConvertFrom(address));
    }
    return py::cast(address);
}

Address
AddressFromPython(py::handle value)
{
    if (py::isinstance<InetSocketAddress>(value))
    {
        return value.cast<InetSocketAddress>();
    }
    if (py::isinstance<Ipv4Address>(value))
    {
        return value.cast<Ipv4Address>();
    }
    if (py::isinstance<Address>(value))
    {
        return value.cast<Address>();
    }
    if (py::isinstance<py::str>(value))
    {
        const std::string text = value.cast<std::string>();
        Address address;
        const std::string error = ParseAddressText(text, address);
        if (!error.empty())
        {
            throw py::value_error("invalid address " + Quote(text) + ": " + error);
        }
        return address;
    }
    throw py::type_error("expected an Address, Ipv4Address, InetSocketAddress or str, not " +
                         PythonTypeName(value));
}

// Trace sources ---------------------------------------------------------------

namespace
{

/** @name Conversions of trace arguments to what the Python sink receives */
///@{
Ptr<Packet>
TraceArgument(Ptr<const Packet> packet)
{
    // A copy, so the sink cannot change the packet the simulation carries.
    return packet ? packet->Copy() : nullptr;
}

py::object
TraceArgument(const Address& address)
{
    return AddressToPython(address);
}

uint32_t
TraceArgument(SequenceNumber32 value)
{
    return value.GetValue();
}

std::string
TraceArgument(TcpSocket::TcpStates_t state)
{
    return TcpSocket::TcpStateName[state];
}

std::string
TraceArgument(TcpSocketState::TcpCongState_t state)
{
    return TcpSocketState::TcpCongStateName[state];
}

int
TraceArgument(Ipv4L3Protocol::DropReason reason)
{
    return static_cast<int>(reason);
}

Ptr<Socket>
TraceArgument(Ptr<const TcpSocketBase> socket)
{
    return ConstCast<TcpSocketBase>(socket);
}

template <typename T>
T
TraceArgument(const T& value)
{
    return value;
}

///@}

/// Builds ns-3 callbacks of one trace signature that call a registered Python callable.
template <typename... Args>
struct TraceSink
{
    /** @return a callback without context */
    static CallbackBase Make(uint64_t token)
    {
        return Callback<void, Args...>([token](Args... args) {
            InvokeCallable(token, "a trace sink", TraceArgument(args)...);
        });
    }

    /** @return a callback whose first argument is the context string */
    static CallbackBase MakeWithContext(uint64_t token)
    {
        return Callback<void, std::string, Args...>([token](std::string context, Args... args) {
            InvokeCallable(token, "a trace sink", context, TraceArgument(args)...);
        });
    }
};

/// The two callback builders of one signature.
struct SinkFactory
{
    std::function<CallbackBase(uint64_t)> withoutContext; //!< builds a sink without context
    std::function<CallbackBase(uint64_t)> withContext;    //!< builds a sink with context
};

/** @return a SinkFactory for a signature */
template <typename... Args>
SinkFactory
MakeSinkFactory()
{
    return {&TraceSink<Args...>::Make, &TraceSink<Args...>::MakeWithContext};
}

/** @return the converters, by the signature name a trace source declares */
const std::map<std::string, SinkFactory>&
SinkFactories()
{
    using PacketPtr = Ptr<const Packet>;
    static const std::map<std::string, SinkFactory> factories{
        {"ns3::Packet::TracedCallback", MakeSinkFactory<PacketPtr>()},
        {"ns3::Packet::AddressTracedCallback", MakeSinkFactory<PacketPtr, const Address&>()},
        {"ns3::Packet::TwoAddressTracedCallback",
         MakeSinkFactory<PacketPtr, const Address&, const Address&>()},
        {"ns3::PacketSink::SeqTsSizeCallback",
         MakeSinkFactory<PacketPtr, const Address&, const Address&, const SeqTsSizeHeader&>()},
        {"ns3::netns::Namespace::PacketTracedCallback", MakeSinkFactory<PacketPtr, uint32_t>()},
        {"ns3::Ipv4L3Protocol::TxRxTracedCallback",
         MakeSinkFactory<PacketPtr, Ptr<Ipv4>, uint32_t>()},
        {"ns3::Ipv4L3Protocol::DropTracedCallback",
         MakeSinkFactory<const Ipv4Header&,
                         PacketPtr,
                         Ipv4L3Protocol::DropReason,
                         Ptr<Ipv4>,
                         uint32_t>()},
        {"ns3::Ipv4L3Protocol::SentTracedCallback",
         MakeSinkFactory<const Ipv4Header&, PacketPtr, uint32_t>()},
        {"ns3::TcpSocketBase::TcpTxRxTracedCallback",
         MakeSinkFactory<PacketPtr, const TcpHeader&, Ptr<const TcpSocketBase>>()},
        {"ns3::TracedValueCallback::Bool", MakeSinkFactory<bool, bool>()},
        {"ns3::TracedValueCallback::Int8", MakeSinkFactory<int8_t, int8_t>()},
        {"ns3::TracedValueCallback::Uint8", MakeSinkFactory<uint8_t, uint8_t>()},
        {"ns3::TracedValueCallback::Int16", MakeSinkFactory<int16_t, int16_t>()},
        {"ns3::TracedValueCallback::Uint16", MakeSinkFactory<uint16_t, uint16_t>()},
        {"ns3::TracedValueCallback::Int32", MakeSinkFactory<int32_t, int32_t>()},
        {"ns3::TracedValueCallback::Uint32", MakeSinkFactory<uint32_t, uint32_t>()},
        {"ns3::TracedValueCallback::Int64", MakeSinkFactory<int64_t, int64_t>()},
        {"ns3::TracedValueCallback::Uint64", MakeSinkFactory<uint64_t, uint64_t>()},
        {"ns3::TracedValueCallback::Double", MakeSinkFactory<double, double>()},
        {"ns3::TracedValueCallback::Time", MakeSinkFactory<Time, Time>()},
        {"ns3::TracedValueCallback::DataRate", MakeSinkFactory<DataRate, DataRate>()},
        {"ns3::TracedValueCallback::SequenceNumber32",
         MakeSinkFactory<SequenceNumber32, SequenceNumber32>()},
        {"ns3::SequenceNumber32TracedValueCallback",
         MakeSinkFactory<SequenceNumber32, SequenceNumber32>()},
        {"ns3::TcpStatesTracedValueCallback",
         MakeSinkFactory<TcpSocket::TcpStates_t, TcpSocket::TcpStates_t>()},
        {"ns3::TcpSocketState::TcpCongStatesTracedValueCallback",
         MakeSinkFactory<TcpSocketState::TcpCongState_t, TcpSocketState::TcpCongState_t>()},
    };
    return factories;
}

} // namespace

bool
ConnectTrace(ObjectBase& object,
             const std::string& name,
             py::function sink,
             std::optional<std::string> context)
{
    const TypeId tid = object.GetInstanceTypeId();
    TypeId::TraceSourceInformation info;
    Ptr<const TraceSourceAccessor> accessor = tid.LookupTraceSourceByName(name, &info);
    if (!accessor)
    {
        throw py::attribute_error(tid.GetName() + " has no trace source " + Quote(name));
    }
    auto it = SinkFactories().find(info.callback);
    if (it == SinkFactories().end())
    {
        throw py::type_error("trace source " + Quote(name) + " of " + tid.GetName() +
                             " has signature " + info.callback +
                             ", which the Python bindings cannot convert");
    }
    const uint64_t token = CallableRegistry::Add(std::move(sink));
    const bool connected =
        context ? accessor->Connect(&object, *context, it->second.withContext(token))
                : accessor->ConnectWithoutContext(&object, it->second.withoutContext(token));
    if (!connected)
    {
        CallableRegistry::Remove(token);
        throw py::value_error("connecting to trace source " + Quote(name) + " of " + tid.GetName() +
                              " failed");
    }
    return true;
}

std::vector<std::string>
GetSupportedTraceSignatures()
{
    std::vector<std::string> names;
    for (const auto& [name, factory] : SinkFactories())
    {
        names.push_back(name);
    }
    return names;
}

} // namespace python
} // namespace ns3
