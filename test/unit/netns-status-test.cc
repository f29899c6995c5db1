/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of Status, Result, ErrnoName and ErrnoText.
 */
#include "ns3/netns-status.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using ns3::netns::ErrnoName;
using ns3::netns::ErrnoText;
using ns3::netns::Result;
using ns3::netns::Status;

namespace
{

/// One errno value with the name and the glibc text the module must give it.
struct ErrnoRow
{
    int errnum;       //!< the errno value
    std::string name; //!< expected symbolic name
    std::string text; //!< expected strerror(3) text on glibc
};

std::ostream&
operator<<(std::ostream& os, const ErrnoRow& row)
{
    return os << row.name;
}

/// Every errno value the module returns somewhere, with its glibc text.
const std::vector<ErrnoRow> ERRNO_ROWS{
    {EPERM, "EPERM", "Operation not permitted"},
    {ENOENT, "ENOENT", "No such file or directory"},
    {ESRCH, "ESRCH", "No such process"},
    {EBADF, "EBADF", "Bad file descriptor"},
    {EPIPE, "EPIPE", "Broken pipe"},
    {EAGAIN, "EAGAIN", "Resource temporarily unavailable"},
    {EACCES, "EACCES", "Permission denied"},
    {EBUSY, "EBUSY", "Device or resource busy"},
    {EEXIST, "EEXIST", "File exists"},
    {ENODEV, "ENODEV", "No such device"},
    {ENOTDIR, "ENOTDIR", "Not a directory"},
    {EISDIR, "EISDIR", "Is a directory"},
    {EINVAL, "EINVAL", "Invalid argument"},
    {ERANGE, "ERANGE", "Numerical result out of range"},
    {ENAMETOOLONG, "ENAMETOOLONG", "File name too long"},
    {ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket"},
    {EDESTADDRREQ, "EDESTADDRREQ", "Destination address required"},
    {EMSGSIZE, "EMSGSIZE", "Message too long"},
    {EPROTOTYPE, "EPROTOTYPE", "Protocol wrong type for socket"},
    {ENOPROTOOPT, "ENOPROTOOPT", "Protocol not available"},
    {EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not supported"},
    {EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported"},
    {EAFNOSUPPORT, "EAFNOSUPPORT", "Address family not supported by protocol"},
    {EADDRINUSE, "EADDRINUSE", "Address already in use"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", "Cannot assign requested address"},
    {ENETDOWN, "ENETDOWN", "Network is down"},
    {ENETUNREACH, "ENETUNREACH", "Network is unreachable"},
    {EISCONN, "EISCONN", "Transport endpoint is already connected"},
    {ENOTCONN, "ENOTCONN", "Transport endpoint is not connected"},
    {ESHUTDOWN, "ESHUTDOWN", "Cannot send after transport endpoint shutdown"},
    {ETIMEDOUT, "ETIMEDOUT", "Connection timed out"},
    {ECONNREFUSED, "ECONNREFUSED", "Connection refused"},
    {EHOSTUNREACH, "EHOSTUNREACH", "No route to host"},
    {EALREADY, "EALREADY", "Operation already in progress"},
    {EINPROGRESS, "EINPROGRESS", "Operation now in progress"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(netns_status)

BOOST_AUTO_TEST_CASE(status_default_is_ok)
{
    const Status status;

    BOOST_TEST(status.IsOk());
    BOOST_TEST(status.GetErrno() == 0);
    BOOST_TEST(status.GetMessage().empty());
    BOOST_TEST(status.ToString() == "OK");
}

BOOST_AUTO_TEST_CASE(status_error_keeps_errno_and_message)
{
    const Status status = Status::Error(EADDRINUSE, "UDP address 10.1.0.10:7 is in use");

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(status.GetErrno() == EADDRINUSE);
    BOOST_TEST(status.GetMessage() == "UDP address 10.1.0.10:7 is in use");
}

BOOST_AUTO_TEST_CASE(status_to_string_prefixes_errno_name)
{
    const Status status = Status::Error(ENODEV, "Cannot find device \"eth9\"");

    BOOST_TEST(status.ToString() == "ENODEV: Cannot find device \"eth9\"");
}

BOOST_AUTO_TEST_CASE(status_error_with_empty_message)
{
    const Status status = Status::Error(EPERM, "");

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(status.GetErrno() == EPERM);
    BOOST_TEST(status.ToString() == "EPERM: ");
}

BOOST_AUTO_TEST_CASE(result_with_value)
{
    const Result<int> result(42);

    BOOST_TEST(result.IsOk());
    BOOST_TEST(result.GetValue() == 42);
    BOOST_TEST(result.GetStatus().IsOk());
    BOOST_TEST(result.GetStatus().GetErrno() == 0);
}

BOOST_AUTO_TEST_CASE(result_with_error)
{
    const Result<int> result(Status::Error(EBADF, "file descriptor 9 is not open"));

    BOOST_TEST(!result.IsOk());
    BOOST_TEST(result.GetStatus().GetErrno() == EBADF);
    BOOST_TEST(result.GetStatus().GetMessage() == "file descriptor 9 is not open");
}

BOOST_AUTO_TEST_CASE(result_error_value_is_default)
{
    const Result<std::string> text(Status::Error(ENOENT, "no such file"));
    const Result<int> number(Status::Error(ENOENT, "no such file"));

    BOOST_TEST(text.GetValue().empty());
    BOOST_TEST(number.GetValue() == 0);
}

BOOST_AUTO_TEST_CASE(result_with_string_value)
{
    const Result<std::string> result(std::string("eth0\n"));

    BOOST_TEST(result.IsOk());
    BOOST_TEST(result.GetValue() == "eth0\n");
}

BOOST_AUTO_TEST_CASE(result_with_vector_value)
{
    const std::vector<int> descriptors{3, 4, 7};
    const Result<std::vector<int>> result(descriptors);

    BOOST_TEST(result.IsOk());
    BOOST_TEST(result.GetValue() == descriptors, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(errno_name_of_module_errors, bdata::make(ERRNO_ROWS), row)
{
    BOOST_TEST(ErrnoName(row.errnum) == row.name);
}

BOOST_DATA_TEST_CASE(errno_text_matches_glibc, bdata::make(ERRNO_ROWS), row)
{
    BOOST_TEST(ErrnoText(row.errnum) == row.text);
}

BOOST_AUTO_TEST_CASE(errno_name_of_zero_is_ok)
{
    BOOST_TEST(ErrnoName(0) == "OK");
}

BOOST_AUTO_TEST_CASE(errno_name_of_unlisted_value_is_numeric)
{
    BOOST_TEST(ErrnoName(ENOMEM) == "E" + std::to_string(ENOMEM));
    BOOST_TEST(ErrnoName(9999) == "E9999");
}

BOOST_AUTO_TEST_CASE(errno_text_of_unknown_value)
{
    BOOST_TEST(ErrnoText(9999) == "Unknown error 9999");
}

BOOST_AUTO_TEST_CASE(to_string_of_unlisted_errno)
{
    const Status status = Status::Error(ENOMEM, "out of memory");

    BOOST_TEST(status.ToString() == "E" + std::to_string(ENOMEM) + ": out of memory");
}

BOOST_AUTO_TEST_SUITE_END()
