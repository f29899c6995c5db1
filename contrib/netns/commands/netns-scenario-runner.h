/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCENARIO_RUNNER_H
#define NETNS_SCENARIO_RUNNER_H

#include "netns-command-result.h"
#include "netns-scenario-script.h"

#include "ns3/application.h"
#include "ns3/csma-helper.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-capture-helper.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-host.h"
#include "ns3/netns-process.h"
#include "ns3/node.h"
#include "ns3/point-to-point-helper.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Builds and runs the simulation a ScenarioScript describes.
 *
 * Build() creates the nodes, links, stacks, addresses, static routes and
 * processes, and schedules every timed command and application; Run()
 * runs the simulation to the script's stop time. A timed command runs with
 * netns::Exec() as its process, and its output goes to the transcript
 * stream. Commands at time 0 run during Build(), before the simulation
 * starts, the way C++ scenarios configure their namespaces. A process application is installed when
 * it starts, after the commands of that instant, so it runs in the namespace its process is in
 * then. A namespace created by a process's "unshare -n" is named after the
 * process. What happened is kept for ScenarioReport and for tests.
 */
class ScenarioRunner
{
  public:
    /// A timed command and what it did.
    struct CommandRecord
    {
        ScriptCommand command; //!< the command
        bool ran{false};       //!< false until its time came
        CommandResult result;  //!< its output and exit status
    };

    /// An application and what it observed.
    struct ApplicationRecord
    {
        ScriptApplication declaration;      //!< the script's line
        Ptr<Application> application;       //!< the ns-3 application, once created
        Ptr<Namespace> ns;                  //!< namespace of a process application
        Status status;                      //!< why a process application did not start
        uint32_t replies{0};                //!< echo replies a UDP echo client received
        std::set<Ipv4Address> replySources; //!< their source addresses
    };

    /// Traffic one namespace received for the host's UDP echo servers.
    struct NamespaceRecord
    {
        Ptr<Namespace> ns;                               //!< the namespace
        std::map<Ipv4Address, uint32_t> echoRequestsFor; //!< requests by destination address
    };

    ScenarioRunner();
    /**
     * Disconnect the runner's trace sinks and disarm its scheduled events, so
     * that the simulation may go on running after the runner is destroyed.
     */
    ~ScenarioRunner();
    ScenarioRunner(const ScenarioRunner&) = delete;
    ScenarioRunner& operator=(const ScenarioRunner&) = delete;

    /**
     * Set where the transcript of timed commands goes.
     * @param transcript the stream, or nullptr for none
     */
    void SetTranscript(std::ostream* transcript);

    /**
     * Override the script's route-isolation setting.
     * @param isolated true to give each namespace its own route table
     */
    void OverrideRouteIsolation(bool isolated);

    /**
     * Switch pcap output off even when the script requests it.
     * @param enabled false to write no pcap file
     */
    void SetPcapEnabled(bool enabled);

    /**
     * Build the topology and schedule the script's events.
     * @param script a script that ScriptParser accepted
     * @return OK, EEXIST when a node name is already registered with ns3::Names,
     *         or the errno of a pcap file or directory that cannot be created
     */
    Status Build(const ScenarioScript& script);

    /**
     * Run the simulation to the script's stop time, then write the pcap
     * manifest when the script captures; a failed write is printed to stderr.
     */
    void Run();

    /**
     * @return the pcap captures and manifest writes that failed after Build,
     *         each as an errno name and message; they were printed to stderr
     */
    const std::vector<std::string>& GetCaptureErrors() const;

    /** @return the script, with overrides applied */
    const ScenarioScript& GetScript() const;

    /** @return the timed commands in file order */
    const std::vector<CommandRecord>& GetCommands() const;

    /** @return the applications in file order */
    const std::vector<ApplicationRecord>& GetApplications() const;

    /** @return every namespace a host created, by host name, in creation order */
    std::map<std::string, std::vector<NamespaceRecord>> GetNamespaces() const;

    /**
     * @param name a node name of the script
     * @return its namespace support, or nullptr for a plain node
     */
    Ptr<Host> GetHost(const std::string& name) const;

    /**
     * @param host a host name
     * @param name a process name
     * @return the process, or nullptr
     */
    Ptr<Process> GetProcess(const std::string& host, const std::string& name) const;

  private:
    /** Create the links and the stacks. */
    void BuildLinks();
    /** Give plain nodes their addresses and static routes. */
    void ConfigurePlainNodes();
    /** Create the processes of the hosts. */
    void CreateProcesses();
    /** Schedule the timed commands. */
    void ScheduleCommands();
    /** Create or schedule the applications. */
    void ScheduleApplications();

    /**
     * Run one timed command.
     * @param index its index in m_commands
     */
    void RunCommand(std::size_t index);

    /**
     * Install a process application when it starts.
     * @param index its index in m_applications
     */
    void StartProcessApplication(std::size_t index);

    /**
     * Create the ns-3 application of a script line.
     * @param declaration the line
     * @return the application, attributes set, not installed
     */
    Ptr<Application> CreateApplication(const ScriptApplication& declaration);

    /**
     * Choose the name of a namespace a process has just entered.
     * @param hostName the host
     * @param byProcess the process
     * @return the process name, or PROCESS-N when a namespace of the host has it
     */
    std::string UniqueNamespaceName(const std::string& hostName,
                                    const std::string& byProcess) const;

    /**
     * Name, trace and capture the namespaces of a host created since the last call.
     * @param hostName the host
     * @param byProcess the process whose command may have created one
     */
    void AdoptNamespaces(const std::string& hostName, const std::string& byProcess);

    /**
     * Connect a trace sink bound to a pointer into the runner, and record the
     * connection so that the destructor disconnects it.
     * @param object the object with the trace source
     * @param source the trace source's name
     * @param sink the bound callback
     */
    void ConnectTrace(Ptr<Object> object, const std::string& source, const CallbackBase& sink);

    /**
     * Schedule a member function of the runner that does nothing once the
     * runner is destroyed.
     * @param context the event's context, a node id
     * @param delay when, relative to now
     * @param member RunCommand or StartProcessApplication
     * @param index the member's argument
     */
    void ScheduleMember(uint32_t context,
                        Time delay,
                        void (ScenarioRunner::*member)(std::size_t),
                        std::size_t index);

    /// A trace connection made by the runner.
    struct TraceConnection
    {
        Ptr<Object> object; //!< the object with the trace source
        std::string source; //!< the trace source's name
        CallbackBase sink;  //!< the connected callback
    };

    ScenarioScript m_script;                      //!< the script
    std::optional<bool> m_routeIsolationOverride; //!< from the command line
    bool m_pcapEnabled{true};                     //!< pcap output wanted
    std::ostream* m_transcript{nullptr};          //!< transcript stream
    std::map<std::string, Ptr<Node>> m_nodes;     //!< nodes by name
    std::map<std::string, Ptr<Host>> m_hosts;     //!< hosts by name
    std::map<std::pair<std::string, std::string>, Ptr<Process>> m_processes; //!< by host, name
    std::vector<CommandRecord> m_commands;                                   //!< timed commands
    std::vector<ApplicationRecord> m_applications;                           //!< applications
    std::map<std::string, std::deque<NamespaceRecord>>
        m_namespaces; //!< by host name; deque keeps records in place for the trace callbacks
    std::set<uint16_t> m_echoPorts;                  //!< ports of UDP echo servers
    CsmaHelper m_csma;                               //!< builds the CSMA links
    PointToPointHelper m_p2p;                        //!< builds the point-to-point links
    NetnsHelper m_netns;                             //!< installs the hosts
    std::unique_ptr<NetnsCaptureHelper> m_capture;   //!< pcaps and manifest, when wanted
    std::vector<std::string> m_captureErrors;        //!< capture failures after Build
    std::vector<TraceConnection> m_traceConnections; //!< disconnected by the destructor
    /// Token owned by the runner alone. Scheduled events hold a weak_ptr to
    /// it and find it expired once the runner is destroyed.
    std::shared_ptr<bool> m_liveness{std::make_shared<bool>(true)};
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCENARIO_RUNNER_H */
