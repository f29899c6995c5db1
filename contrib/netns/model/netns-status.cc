/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-status.h"

#include <cstring>

namespace ns3
{
namespace netns
{

Status
Status::Error(int errnum, std::string message)
{
    Status status;
    status.m_errno = errnum;
    status.m_message = std::move(message);
    return status;
}

bool
Status::IsOk() const
{
    return m_errno == 0;
}

int
Status::GetErrno() const
{
    return m_errno;
}

const std::string&
Status::GetMessage() const
{
    return m_message;
}

std::string
Status::ToString() const
{
    if (IsOk())
    {
        return "OK";
    }
    return ErrnoName(m_errno) + ": " + m_message;
}

std::string
ErrnoName(int errnum)
{
    switch (errnum)
    {
    case 0:
        return "OK";
    case EPERM:
        return "EPERM";
    case ENOENT:
        return "ENOENT";
    case ESRCH:
        return "ESRCH";
    case EBADF:
        return "EBADF";
    case EPIPE:
        return "EPIPE";
    case EAGAIN:
        return "EAGAIN";
    case EACCES:
        return "EACCES";
    case EBUSY:
        return "EBUSY";
    case EEXIST:
        return "EEXIST";
    case ENODEV:
        return "ENODEV";
    case ENOTDIR:
        return "ENOTDIR";
    case EISDIR:
        return "EISDIR";
    case EINVAL:
        return "EINVAL";
    case ERANGE:
        return "ERANGE";
    case ENAMETOOLONG:
        return "ENAMETOOLONG";
    case ENOTSOCK:
        return "ENOTSOCK";
    case EDESTADDRREQ:
        return "EDESTADDRREQ";
    case EMSGSIZE:
        return "EMSGSIZE";
    case EPROTOTYPE:
        return "EPROTOTYPE";
    case ENOPROTOOPT:
        return "ENOPROTOOPT";
    case EPROTONOSUPPORT:
        return "EPROTONOSUPPORT";
    case EOPNOTSUPP:
        return "EOPNOTSUPP";
    case EAFNOSUPPORT:
        return "EAFNOSUPPORT";
    case EADDRINUSE:
        return "EADDRINUSE";
    case EADDRNOTAVAIL:
        return "EADDRNOTAVAIL";
    case ENETDOWN:
        return "ENETDOWN";
    case ENETUNREACH:
        return "ENETUNREACH";
    case EISCONN:
        return "EISCONN";
    case ENOTCONN:
        return "ENOTCONN";
    case ESHUTDOWN:
        return "ESHUTDOWN";
    case ETIMEDOUT:
        return "ETIMEDOUT";
    case ECONNREFUSED:
        return "ECONNREFUSED";
    case EHOSTUNREACH:
        return "EHOSTUNREACH";
    case EALREADY:
        return "EALREADY";
    case EINPROGRESS:
        return "EINPROGRESS";
    default:
        break;
    }
    return "E" + std::to_string(errnum);
}

std::string
ErrnoText(int errnum)
{
    return std::strerror(errnum);
}

} // namespace netns
} // namespace ns3
