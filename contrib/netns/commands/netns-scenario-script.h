/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCENARIO_SCRIPT_H
#define NETNS_SCENARIO_SCRIPT_H

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/// A node of a scenario script.
struct ScriptNode
{
    std::string name; //!< name, registered with ns3::Names
    bool host{false}; //!< true when it gets namespace support
    uint32_t line{0}; //!< line that declared it
};

/// A CSMA or point-to-point link of a scenario script.
struct ScriptLink
{
    std::string name;               //!< link name
    bool pointToPoint{false};       //!< p2p (two nodes) or csma (two or more)
    std::vector<std::string> nodes; //!< attached nodes, in device order
    std::string dataRate;           //!< data rate, as ns3::DataRate parses it
    Time delay;                     //!< propagation delay
    uint32_t line{0};               //!< line that declared it
};

/// An IPv4 address of a plain node.
struct ScriptAddress
{
    std::string node;        //!< the node
    std::string device;      //!< its device, eth0, eth1... in link order
    Ipv4Address address;     //!< the address
    uint8_t prefixLength{0}; //!< its prefix length
    uint32_t line{0};        //!< line of the declaration
};

/// A static route of a plain node.
struct ScriptRoute
{
    std::string node;        //!< the node
    Ipv4Address destination; //!< network, 0.0.0.0 for default
    uint8_t prefixLength{0}; //!< prefix length
    Ipv4Address gateway;     //!< next hop
    uint32_t metric{0};      //!< metric
    uint32_t line{0};        //!< line of the declaration
};

/// A process of a host, started at time 0 in the host's initial namespace.
struct ScriptProcess
{
    std::string host; //!< the host
    std::string name; //!< process name, unique on the host
    uint32_t uid{0};  //!< user id; 0 has every capability
    uint32_t line{0}; //!< line of the declaration
};

/// A command line a process runs at a given time.
struct ScriptCommand
{
    Time at;             //!< simulation time
    std::string host;    //!< the host
    std::string process; //!< the process
    std::string command; //!< the command line, as netns::Exec() takes it
    uint32_t line{0};    //!< line of the declaration
};

/// The ns-3 applications a script can start.
enum class ScriptApplicationType
{
    UdpEchoServer, //!< ns3::UdpEchoServer
    UdpEchoClient, //!< ns3::UdpEchoClient
    PacketSink,    //!< ns3::PacketSink
    BulkSend,      //!< ns3::BulkSendApplication (TCP)
};

/// An ns-3 application, on a plain node or run by a process of a host.
struct ScriptApplication
{
    ScriptApplicationType type{ScriptApplicationType::UdpEchoServer}; //!< which application
    std::string node;                         //!< plain node, or host of the process
    std::string process;                      //!< the process, empty on a plain node
    std::optional<Ipv4Address> remote;        //!< "to": destination of clients
    Ipv4Address local{Ipv4Address::GetAny()}; //!< "local": address a sink binds
    uint16_t port{0};                         //!< "port"
    bool tcp{false};                          //!< "protocol tcp" for packet sinks
    uint32_t count{1};                        //!< "count": echo requests
    Time interval{Seconds(1)};                //!< "interval" between echo requests
    uint32_t size{64};                        //!< "size": echo payload bytes
    uint64_t maxBytes{0};                     //!< "max-bytes" of bulk send, 0 for no limit
    Time start{Seconds(0)};                   //!< "start"
    std::optional<Time> stop;                 //!< "stop"
    uint32_t line{0};                         //!< line of the declaration
};

/**
 * @ingroup netns
 * A parsed scenario script: topology, processes, timed commands,
 * applications, capture and run time. ScriptParser builds it;
 * ScenarioRunner turns it into a simulation.
 */
struct ScenarioScript
{
    std::string file;                            //!< file name, for messages
    std::vector<ScriptNode> nodes;               //!< nodes in declaration order
    std::vector<ScriptLink> links;               //!< links in declaration order
    std::vector<ScriptAddress> addresses;        //!< addresses of plain nodes
    std::vector<ScriptRoute> routes;             //!< static routes of plain nodes
    std::vector<ScriptProcess> processes;        //!< processes of hosts
    std::vector<ScriptCommand> commands;         //!< timed commands, in file order
    std::vector<ScriptApplication> applications; //!< applications
    bool routeIsolation{false};                  //!< each namespace has its own routes
    std::string pcapPrefix;                      //!< pcap file prefix, empty for none
    Time stop{Seconds(10)};                      //!< simulation end
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCENARIO_SCRIPT_H */
