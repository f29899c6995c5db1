/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_ERRORS_H
#define NETNS_IP_ERRORS_H

#include "netns-command-result.h"

#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * The error messages and exit statuses of iproute2 6.1's ip, as it prints
 * them against Linux 6.x.
 *
 * Exit status 1 is ip's own lookup failures, 2 a request the kernel
 * rejected, and 255 a command line ip cannot parse (exit(-1)).
 */
class IpErrors
{
  public:
    /**
     * "Command line is not complete. Try option "help"", status 255.
     * @param result the result to fill
     */
    static void Incomplete(CommandResult& result);

    /**
     * "Error: either "KEY" is duplicate, or "ARG" is a garbage.", status 255.
     * @param result the result to fill
     * @param keyword the keyword ip assumed the word belongs to
     * @param argument the word
     */
    static void Garbage(CommandResult& result,
                        const std::string& keyword,
                        const std::string& argument);

    /**
     * "Error: argument "ARG" is wrong: WHAT", status 255.
     * @param result the result to fill
     * @param argument the word
     * @param what the reason
     */
    static void InvalidArgument(CommandResult& result,
                                const std::string& argument,
                                const std::string& what);

    /**
     * "Cannot find device "NAME"", status 1, for commands that change a device.
     * @param result the result to fill
     * @param name the device name
     */
    static void CannotFindDevice(CommandResult& result, const std::string& name);

    /**
     * "Device "NAME" does not exist.", status 1, for show commands.
     * @param result the result to fill
     * @param name the device name
     */
    static void DeviceDoesNotExist(CommandResult& result, const std::string& name);

    /**
     * "RTNETLINK answers: <strerror>", status 2: the kernel rejected the request.
     * @param result the result to fill
     * @param errnum the errno value
     */
    static void Rtnetlink(CommandResult& result, int errnum);

    /**
     * "Error: TEXT", status 2: the kernel rejected the request with an
     * extended acknowledgement message.
     * @param result the result to fill
     * @param text the kernel's message
     */
    static void KernelMessage(CommandResult& result, const std::string& text);

    /**
     * "Error: any valid prefix is expected rather than "ARG".", status 1.
     * @param result the result to fill
     * @param argument the word
     */
    static void ExpectedPrefix(CommandResult& result, const std::string& argument);

    /**
     * "Error: inet address is expected rather than "ARG".", status 1.
     * @param result the result to fill
     * @param argument the word
     */
    static void ExpectedAddress(CommandResult& result, const std::string& argument);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_ERRORS_H */
