/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_STATUS_H
#define NETNS_STATUS_H

#include <cerrno>
#include <string>
#include <utility>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * The outcome of an operation a user or script can trigger: success, or a
 * Linux errno value with a message naming the object involved.
 *
 * Kernel and iproute2 habit: every failure carries both the errno (for
 * programs) and a readable reason (for people). Nothing in the module turns
 * a failure a user can cause into an abort; it returns a Status instead.
 */
class Status
{
  public:
    /** Construct a successful status. */
    Status() = default;

    /**
     * Construct a failure.
     * @param errnum a Linux errno value such as EADDRINUSE; must not be 0
     * @param message what failed, naming the value involved
     * @return the failed status
     */
    static Status Error(int errnum, std::string message);

    /** @return true when the operation succeeded */
    bool IsOk() const;

    /** @return the errno value, 0 on success */
    int GetErrno() const;

    /** @return the message, empty on success */
    const std::string& GetMessage() const;

    /**
     * Format the status as "EADDRINUSE: <message>", or "OK".
     * @return the text
     */
    std::string ToString() const;

  private:
    int m_errno{0};        //!< Linux errno value, 0 on success
    std::string m_message; //!< reason, naming the object involved
};

/**
 * @ingroup netns
 * A value, or the Status explaining why there is none.
 * @tparam T the value type
 */
template <typename T>
class Result
{
  public:
    /**
     * Construct a successful result.
     * @param value the value
     */
    Result(T value)
        : m_value(std::move(value))
    {
    }

    /**
     * Construct a failed result.
     * @param status the failure; must not be OK
     */
    Result(Status status)
        : m_status(std::move(status))
    {
    }

    /** @return true when a value is present */
    bool IsOk() const
    {
        return m_status.IsOk();
    }

    /** @return the value; meaningful only when IsOk() */
    const T& GetValue() const
    {
        return m_value;
    }

    /** @return the status: OK, or the failure */
    const Status& GetStatus() const
    {
        return m_status;
    }

  private:
    T m_value{};       //!< the value, default-constructed on failure
    Status m_status{}; //!< OK, or why the value is missing
};

/**
 * Return the symbolic name of a Linux errno value.
 * @param errnum the errno value
 * @return "EADDRINUSE" and so on, or "E<number>" for values this module never produces
 */
std::string ErrnoName(int errnum);

/**
 * Return the C library's text for an errno value, as strerror(3) prints it
 * on glibc: "Address already in use" and so on.
 * @param errnum the errno value
 * @return the text
 */
std::string ErrnoText(int errnum);

} // namespace netns
} // namespace ns3

#endif /* NETNS_STATUS_H */
