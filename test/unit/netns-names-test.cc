/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of the interface and namespace name checks and of the quoting
 * of user-supplied values in error messages.
 */
#include "ns3/netns-names.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using ns3::netns::QuoteForMessage;
using ns3::netns::Status;
using ns3::netns::ValidateInterfaceName;
using ns3::netns::ValidateNamespaceName;

namespace
{

/// One candidate name and whether the check must accept it.
struct NameRow
{
    std::string label; //!< what the row exercises
    std::string input; //!< the candidate name, NUL bytes allowed
    bool valid;        //!< whether the check must accept it
};

std::ostream&
operator<<(std::ostream& os, const NameRow& row)
{
    return os << row.label;
}

/// One raw value and its quoted form.
struct QuoteRow
{
    std::string label;    //!< what the row exercises
    std::string input;    //!< the raw value
    std::string expected; //!< QuoteForMessage output
};

std::ostream&
operator<<(std::ostream& os, const QuoteRow& row)
{
    return os << row.label;
}

/// Interface names, with the verdict of Linux's dev_valid_name().
const std::vector<NameRow> INTERFACE_NAMES{
    {"ordinary name", "eth0", true},
    {"one byte", "a", true},
    {"15 bytes", "abcdefghijklmno", true},
    {"three dots", "...", true},
    {"leading dot", ".eth0", true},
    {"dash and underscore", "veth-c1_0", true},
    {"percent template", "eth%d", true},
    {"Latin-1 e acute", "a\xe9z", true},
    {"DEL byte", "a\x7fz", true},
    {"empty", "", false},
    {"16 bytes", "abcdefghijklmnop", false},
    {"40 bytes", std::string(40, 'x'), false},
    {"dot", ".", false},
    {"dot dot", "..", false},
    {"slash", "a/b", false},
    {"slash only", "/", false},
    {"colon alias", "eth0:1", false},
    {"space", "a b", false},
    {"leading space", " eth0", false},
    {"tab", "a\tb", false},
    {"trailing newline", "eth0\n", false},
    {"vertical tab", "a\vb", false},
    {"form feed", "a\fb", false},
    {"carriage return", "a\rb", false},
    {"NUL inside", std::string("a\0b", 3), false},
    {"NUL only", std::string(1, '\0'), false},
};

/// Namespace names, with the verdict of iproute2's "ip netns add".
const std::vector<NameRow> NAMESPACE_NAMES{
    {"ordinary name", "c1", true},
    {"16 bytes", "abcdefghijklmnop", true},
    {"255 bytes", std::string(255, 'n'), true},
    {"colon", "web:1", true},
    {"space", "my ns", true},
    {"tab", "a\tb", true},
    {"three dots", "...", true},
    {"leading dot", ".hidden", true},
    {"empty", "", false},
    {"256 bytes", std::string(256, 'n'), false},
    {"dot", ".", false},
    {"dot dot", "..", false},
    {"slash", "a/b", false},
    {"slash only", "/", false},
    {"path", "/var/run/netns/c1", false},
    {"NUL inside", std::string("a\0b", 3), false},
};

/// Values and their quoted forms in messages.
const std::vector<QuoteRow> QUOTES{
    {"empty", "", "\"\""},
    {"printable ASCII", "eth0", "\"eth0\""},
    {"space kept", "my ns", "\"my ns\""},
    {"slash and colon kept", "a/b:c", "\"a/b:c\""},
    {"double quote escaped", "a\"b", "\"a\\x22b\""},
    {"backslash escaped", "a\\b", "\"a\\x5cb\""},
    {"newline escaped", "eth0\n", "\"eth0\\x0a\""},
    {"tab escaped", "a\tb", "\"a\\x09b\""},
    {"NUL escaped", std::string("a\0b", 3), "\"a\\x00b\""},
    {"DEL escaped", "\x7f", "\"\\x7f\""},
    {"high byte escaped", "\xff", "\"\\xff\""},
    {"UTF-8 bytes escaped", "\xc3\xa9", "\"\\xc3\\xa9\""},
};

/** @return true when a message contains no byte outside printable ASCII */
bool
IsPrintableAscii(const std::string& message)
{
    for (unsigned char c : message)
    {
        if (c < 0x20 || c >= 0x7f)
        {
            return false;
        }
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(netns_names)

BOOST_DATA_TEST_CASE(interface_name_rules, bdata::make(INTERFACE_NAMES), row)
{
    const Status status = ValidateInterfaceName(row.input);

    BOOST_TEST(status.IsOk() == row.valid);
    BOOST_TEST(status.GetErrno() == (row.valid ? 0 : EINVAL));
}

BOOST_DATA_TEST_CASE(interface_name_message_is_printable, bdata::make(INTERFACE_NAMES), row)
{
    const Status status = ValidateInterfaceName(row.input);

    BOOST_TEST(IsPrintableAscii(status.GetMessage()));
}

// Linux's isspace() (lib/ctype.c) classes byte 0xA0, the Latin-1 no-break
// space, as white space, so dev_valid_name() rejects it. Checked on Linux
// 6.18: renaming a device to "a\xa0z" fails with EINVAL, "a\xe9z" succeeds.
BOOST_AUTO_TEST_CASE(interface_name_no_break_space)
{
    const Status status = ValidateInterfaceName("a\xa0z");

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(status.GetErrno() == EINVAL);
}

BOOST_AUTO_TEST_CASE(interface_name_empty_message)
{
    const Status status = ValidateInterfaceName("");

    BOOST_TEST(status.GetMessage() == "invalid interface name \"\": the name is empty");
}

BOOST_AUTO_TEST_CASE(interface_name_length_message)
{
    const Status status = ValidateInterfaceName("abcdefghijklmnop");

    BOOST_TEST(status.GetMessage() == "invalid interface name \"abcdefghijklmnop\": 16 bytes, "
                                      "the maximum is 15");
}

BOOST_AUTO_TEST_CASE(interface_name_reserved_message)
{
    const Status status = ValidateInterfaceName("..");

    BOOST_TEST(status.GetMessage() == "invalid interface name \"..\": reserved name");
}

BOOST_AUTO_TEST_CASE(interface_name_character_message)
{
    const Status status = ValidateInterfaceName("eth0:1");

    BOOST_TEST(status.GetMessage() == "invalid interface name \"eth0:1\": '/', ':', NUL and "
                                      "white space are not allowed");
}

BOOST_AUTO_TEST_CASE(interface_name_message_escapes_newline)
{
    const Status status = ValidateInterfaceName("eth0\n");

    BOOST_TEST(status.GetMessage().find("\"eth0\\x0a\"") != std::string::npos);
}

BOOST_DATA_TEST_CASE(namespace_name_rules, bdata::make(NAMESPACE_NAMES), row)
{
    const Status status = ValidateNamespaceName(row.input);

    BOOST_TEST(status.IsOk() == row.valid);
    BOOST_TEST(status.GetErrno() == (row.valid ? 0 : EINVAL));
}

BOOST_DATA_TEST_CASE(namespace_name_message_is_printable, bdata::make(NAMESPACE_NAMES), row)
{
    const Status status = ValidateNamespaceName(row.input);

    BOOST_TEST(IsPrintableAscii(status.GetMessage()));
}

BOOST_AUTO_TEST_CASE(namespace_name_empty_message)
{
    const Status status = ValidateNamespaceName("");

    BOOST_TEST(status.GetMessage() == "invalid namespace name \"\": the name is empty");
}

BOOST_AUTO_TEST_CASE(namespace_name_length_message)
{
    const Status status = ValidateNamespaceName(std::string(256, 'n'));

    BOOST_TEST(status.GetMessage() == "invalid namespace name: 256 bytes, the maximum is 255");
}

BOOST_AUTO_TEST_CASE(namespace_name_slash_message)
{
    const Status status = ValidateNamespaceName("a/b");

    BOOST_TEST(status.GetMessage() ==
               "invalid namespace name \"a/b\": '/' and NUL are not allowed");
}

BOOST_AUTO_TEST_CASE(namespace_name_reserved_message)
{
    const Status status = ValidateNamespaceName(".");

    BOOST_TEST(status.GetMessage() == "invalid namespace name \".\": reserved name");
}

BOOST_DATA_TEST_CASE(quote_for_message, bdata::make(QUOTES), row)
{
    BOOST_TEST(QuoteForMessage(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(quote_every_byte_is_printable)
{
    std::string everyByte;
    for (int c = 0; c < 256; ++c)
    {
        everyByte += static_cast<char>(c);
    }

    const std::string quoted = QuoteForMessage(everyByte);

    BOOST_TEST(IsPrintableAscii(quoted));
    BOOST_TEST(quoted.front() == '"');
    BOOST_TEST(quoted.back() == '"');
    BOOST_TEST(quoted.find('"', 1) == quoted.size() - 1);
}

BOOST_AUTO_TEST_SUITE_END()
