/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_CAPTURE_HELPER_H
#define NETNS_CAPTURE_HELPER_H

#include "ns3/netns-status.h"
#include "ns3/node.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

namespace netns
{
class CaptureState;
} // namespace netns

/**
 * @ingroup netns
 * One pcap file written by NetnsCaptureHelper, as its manifest lists it.
 */
struct NetnsCaptureFile
{
    std::string file;                       //!< file name, without directory
    std::string kind;                       //!< "device", "view" or "loopback"
    uint32_t nodeId{0};                     //!< ns-3 id of the host or plain node
    std::string node;                       //!< host or node name (ns3::Names, else node<id>)
    bool netnsHost{false};                  //!< true when the node has namespace support
    std::optional<uint32_t> namespaceId;    //!< namespace id; empty for a device capture
    std::string namespaceName;              //!< namespace name; empty for a device capture
    std::string device;                     //!< interface name (Linux name on netns hosts)
    std::optional<uint32_t> ifindex;        //!< host-wide Linux ifindex on netns hosts
    std::optional<uint32_t> ns3DeviceIndex; //!< index among the ns-3 node's devices
    std::string deviceType;                 //!< ns-3 TypeId name of the captured device
    uint32_t linkType{0};                   //!< pcap link type (DLT) of the file
    std::string direction;                  //!< "both", or "out" for loopback captures
    std::string mac;                        //!< MAC address of the device, empty when it has none
    uint64_t packets{0};                    //!< packets written so far
    uint64_t bytes{0};                      //!< bytes written so far, link-layer headers included
};

/**
 * @ingroup netns
 * Writes a pcap file for every place traffic passes in a scenario, and a
 * JSON manifest that describes each file.
 *
 * It captures, for each host with namespace support: every host device
 * (the physical device's own "Sniffer" trace, so both directions of the
 * frames the device sends and receives), every namespace's view of a host
 * device (the ViewDevice "Sniffer" trace, Ethernet), and every namespace's
 * loopback (IPv4 packets sent on interface 0, raw IPv4). For each plain ns-3
 * node it captures every device and the loopback the same way. The hidden
 * nodes that carry namespaces are captured through their host, never as
 * nodes of their own.
 *
 * File names are PREFIX_HOST_DEVICE.pcap for devices of hosts and plain
 * nodes, and PREFIX_HOST_NAMESPACE_DEVICE.pcap for views and loopbacks of
 * namespaces, where HOST, NAMESPACE and DEVICE are names with every byte
 * outside [A-Za-z0-9.-] written as %XX (upper-case hex). No component
 * therefore contains '_', '%' or '@' literally. When a name is already taken
 * in its scope (two hosts, two namespaces of one host, or two devices of one
 * namespace with the same encoded name), the later one gets "@ID" appended:
 * the node id, namespace id or ns-3 device index, which are unique in that
 * scope. Two files of one helper therefore never share a name.
 *
 * Views revealed after EnableAll() are captured from their first frame: the
 * helper listens for devices added to every namespace node it knows. A
 * namespace created after the last EnableAll() call is not captured until
 * EnableAll() is called again, because its files are named when capture
 * starts and scenarios usually name a namespace just after unshare(); the
 * manifest lists such namespaces with "captured": false.
 */
class NetnsCaptureHelper
{
  public:
    /**
     * Create a helper that writes PREFIX_... files into a directory.
     * @param directory where the files go; created if missing
     * @param prefix the first component of every file name: not empty and
     *        without '/'
     */
    NetnsCaptureHelper(const std::string& directory, const std::string& prefix = "netns");

    /** Close every file the helper opened. */
    ~NetnsCaptureHelper();

    NetnsCaptureHelper(const NetnsCaptureHelper&) = delete;
    NetnsCaptureHelper& operator=(const NetnsCaptureHelper&) = delete;

    /**
     * Limit the namespaces captured per host, to bound the number of open
     * files. The initial namespace is always captured and does not count.
     * @param limit the largest number of other namespaces captured per host,
     *        lowest ids first; namespaces beyond it are listed in the
     *        manifest with "captured": false
     */
    void SetMaxNamespacesPerHost(uint32_t limit);

    /**
     * Capture every node of the scenario: hosts with namespace support with
     * all their namespaces, and plain nodes. Under MPI only the nodes this
     * rank owns are captured, and ranks other than 0 write their manifest as
     * PREFIX_rankN_manifest.json. Calling it again captures what was added
     * since, and nothing twice.
     * @return OK, EINVAL for an invalid prefix, or the errno of the first
     *         file or directory that could not be created
     */
    netns::Status EnableAll();

    /**
     * Capture one node: a host with all its namespaces, or a plain node.
     * A hidden node carrying a namespace is captured through its host.
     * @param node the node
     * @return OK, EINVAL for a null node or an invalid prefix, or the errno
     *         of the first file or directory that could not be created
     */
    netns::Status EnableNode(Ptr<Node> node);

    /**
     * Write the manifest, PREFIX_manifest.json in the directory, with the
     * files, their packet counts so far, and the addresses every namespace
     * and plain node holds now. Call it after Simulator::Run(), before
     * Simulator::Destroy().
     * @return OK, or the errno of the failed write
     */
    netns::Status WriteManifest() const;

    /** Flush and close every file. Frames traced afterwards are not written. */
    void Close();

    /** @return the files opened so far, sorted by file name */
    std::vector<NetnsCaptureFile> GetFiles() const;

    /** @return the path of the manifest */
    std::string GetManifestPath() const;

    /**
     * List the captures that failed after EnableAll() returned: views
     * revealed later whose file could not be created. The manifest lists
     * them under "errors" too.
     * @return one message per failure, with the errno name and the file
     */
    std::vector<std::string> GetErrors() const;

    /**
     * Encode a name as a file name component: bytes in [A-Za-z0-9.-] stay,
     * every other byte becomes %XX.
     * @param name the name
     * @return the component, never containing '_', '%' (except as an
     *         escape), '@' or '/'
     */
    static std::string EncodeComponent(const std::string& name);

  private:
    Ptr<netns::CaptureState> m_state; //!< files, names and trace sinks
};

} // namespace ns3

#endif /* NETNS_CAPTURE_HELPER_H */
