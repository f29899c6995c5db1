/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_OPTIONS_H
#define NETNS_IP_OPTIONS_H

namespace ns3
{
namespace netns
{

/// Address family selected by ip's -4, -6 or -family option.
enum class IpFamily
{
    Any,  //!< no family option
    Inet, //!< -4: IPv4 only
    Inet6 //!< -6: IPv6 only; the emulated stacks have none
};

/**
 * @ingroup netns
 * The global options of ip that change what its show commands print.
 */
struct IpOptions
{
    bool oneline{false};            //!< -o, -oneline: one record per line, "\" for line breaks
    bool brief{false};              //!< -br, -brief: tabular summary
    IpFamily family{IpFamily::Any}; //!< -4, -6, -family
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_OPTIONS_H */
