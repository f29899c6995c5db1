/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_HELPER_H
#define NETNS_HELPER_H

#include "ns3/net-namespace.h"
#include "ns3/netns-host.h"
#include "ns3/netns-status.h"
#include "ns3/node-container.h"
#include "ns3/trace-helper.h"

#include <string>

namespace ns3
{

/**
 * @ingroup netns
 * Installs network namespace support on hosts and captures what namespaces
 * see.
 *
 * Install() takes the place of InternetStackHelper on a host: it builds the
 * same IPv4 stack with the module's traffic-control layer, routing and
 * sockets, then aggregates a netns::Host. It refuses a node that already
 * has an IPv4 stack, because namespaces would not be isolated on it.
 * Devices that will be revealed to namespaces are best created before
 * Install(); devices added later are picked up on first use.
 */
class NetnsHelper : public PcapHelperForDevice
{
  public:
    NetnsHelper();

    /**
     * Choose the route model of the hosts installed afterwards.
     * @param isolated true gives each namespace its own route table, address
     *        locality and receive path; false (the default) keeps the June
     *        2006 patch's shared table and its faults
     */
    void SetRouteIsolation(bool isolated);

    /**
     * Install namespace support on a host.
     * @param node the host
     * @return OK, EEXIST when already installed, or EBUSY when the node has
     *         an IPv4 stack from another helper or is already initialized
     *         (the simulation has passed the node's first event)
     */
    netns::Status Install(Ptr<Node> node) const;

    /**
     * Install namespace support on several hosts; stops at the first failure.
     * @param nodes the hosts
     * @return OK or the first failure
     */
    netns::Status Install(const NodeContainer& nodes) const;

    /**
     * @param node a node
     * @return its namespace support, or nullptr when not installed
     */
    static Ptr<netns::Host> GetHost(Ptr<Node> node);

    /**
     * Capture every view device of a namespace, one pcap file per device,
     * named PREFIX_HOST_NAMESPACE_DEVICE.pcap (see FormatViewFilename).
     * @param prefix file name prefix, with directory if wanted
     * @param ns the namespace; views revealed later are not captured
     */
    void EnablePcapNamespace(const std::string& prefix, Ptr<netns::Namespace> ns);

    /**
     * Build the pcap file name of a view device.
     * @param prefix the file name prefix
     * @param view the view device
     * @return PREFIX_HOST_NAMESPACE_DEVICE.pcap, as FormatViewFilename builds it
     */
    static std::string GetViewFilename(const std::string& prefix, Ptr<NetDevice> view);

    /**
     * Build a view pcap file name from the names, each encoded by
     * NetnsCaptureHelper::EncodeComponent, so that distinct (host, namespace,
     * device) names give distinct files.
     * @param prefix the file name prefix
     * @param host the host's name
     * @param ns the namespace's name
     * @param device the device's name in the view
     * @return PREFIX_HOST_NAMESPACE_DEVICE.pcap
     */
    static std::string FormatViewFilename(const std::string& prefix,
                                          const std::string& host,
                                          const std::string& ns,
                                          const std::string& device);

    /**
     * Check that ns-3's pcap writer can create a file. The writer cannot
     * report a failure and aborts the program instead.
     * @param filename the file's path
     * @return OK, or the errno of the failure (EINVAL for a NUL byte,
     *         ENAMETOOLONG, ENOENT, ENOTDIR, EACCES, EROFS...) with a
     *         message naming the file
     */
    static netns::Status CheckPcapFile(const std::string& filename);

    /**
     * @return the first pcap file that EnablePcap or EnablePcapAll could not
     *         create since the last call, which is then forgotten; OK when none
     */
    netns::Status TakePcapError();

  private:
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    bool m_routeIsolation{false}; //!< route model for new hosts
    netns::Status m_pcapError;    //!< first pcap file not created since TakePcapError
};

} // namespace ns3

#endif /* NETNS_HELPER_H */
