/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "oracle-sequence.h"

#include <map>
#include <random>
#include <sstream>

namespace ns3
{
namespace netns
{
namespace oracle
{

const char* const LAN_PREFIXES[3] = {"198.51.100", "203.0.113", "192.0.2"};

std::string
Operation::ToString() const
{
    std::string line = verb;
    for (const std::string& arg : args)
    {
        line += " " + arg;
    }
    return line;
}

std::string
Sequence::ToString() const
{
    std::ostringstream os;
    os << "topology isolation=" << (topology.routeIsolation ? 1 : 0)
       << " devices=" << topology.devices << "\n";
    for (const Operation& operation : operations)
    {
        os << operation.ToString() << "\n";
    }
    return os.str();
}

std::optional<Sequence>
ParseSequence(const std::string& text, std::string& error)
{
    Sequence sequence;
    std::istringstream lines(text);
    std::string line;
    bool haveTopology = false;
    for (uint32_t number = 1; std::getline(lines, line); ++number)
    {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        Operation operation;
        if (!(words >> operation.verb))
        {
            continue;
        }
        for (std::string word; words >> word;)
        {
            operation.args.push_back(word);
        }
        if (operation.verb != "topology")
        {
            sequence.operations.push_back(operation);
            continue;
        }
        for (const std::string& arg : operation.args)
        {
            if (arg == "isolation=0" || arg == "isolation=1")
            {
                sequence.topology.routeIsolation = arg.back() == '1';
            }
            else if (arg == "devices=1" || arg == "devices=2" || arg == "devices=3")
            {
                sequence.topology.devices = static_cast<uint32_t>(arg.back() - '0');
            }
            else
            {
                error = "line " + std::to_string(number) + ": invalid topology argument " + arg;
                return std::nullopt;
            }
        }
        haveTopology = true;
    }
    if (!haveTopology)
    {
        error = "no topology line";
        return std::nullopt;
    }
    return sequence;
}

namespace
{

/// Draws the arguments of generated operations.
class Generator
{
  public:
    Generator(uint64_t seed, uint64_t index)
        : m_random(seed * 0x9E3779B97F4A7C15ULL + index)
    {
    }

    Sequence Generate()
    {
        Sequence sequence;
        sequence.topology.routeIsolation = Chance(0.5);
        sequence.topology.devices = 1 + Below(3);
        m_devices = sequence.topology.devices;
        if (Chance(0.6))
        {
            AddContainers(sequence);
        }
        const uint32_t length = 8 + Below(33);
        for (uint32_t i = 0; i < length; ++i)
        {
            sequence.operations.push_back(Next());
        }
        return sequence;
    }

  private:
    bool Chance(double p)
    {
        return std::uniform_real_distribution<double>(0, 1)(m_random) < p;
    }

    uint32_t Below(uint32_t n)
    {
        return static_cast<uint32_t>(m_random() % n);
    }

    template <typename T>
    const T& Pick(const std::vector<T>& values)
    {
        return values[Below(static_cast<uint32_t>(values.size()))];
    }

    std::string Process()
    {
        return m_labels[Below(static_cast<uint32_t>(m_labels.size()))];
    }

    std::string Fd(const std::string& label)
    {
        const uint32_t opened = m_sockets[label];
        if (opened == 0 || Chance(0.05))
        {
            return std::to_string(3 + Below(3));
        }
        return std::to_string(3 + Below(opened));
    }

    std::string Device()
    {
        if (Chance(0.08))
        {
            return Pick<std::string>({"lo", "eth9", "abcdefghijklmnop", "eth0/x", ""});
        }
        return "eth" + std::to_string(Below(m_devices));
    }

    /** @return an address a namespace may hold: .10 to .13 of a LAN, mostly of a used one */
    std::string HostAddress()
    {
        const uint32_t lan = Chance(0.9) ? Below(m_devices) : Below(3);
        return std::string(LAN_PREFIXES[lan]) + "." + std::to_string(10 + Below(4));
    }

    std::string AnyAddress()
    {
        const uint32_t draw = Below(20);
        if (draw < 13)
        {
            return HostAddress();
        }
        if (draw < 15)
        {
            return std::string(LAN_PREFIXES[Below(m_devices)]) + ".1"; // a peer
        }
        if (draw < 17)
        {
            return "127.0.0.1";
        }
        if (draw < 18)
        {
            return "10.9.9.9"; // nobody holds it and no route leads there
        }
        return "0.0.0.0";
    }

    std::string Port()
    {
        return Pick<std::string>({"5000", "5000", "5001", "53", "7000", "0"});
    }

    std::string DestinationPort()
    {
        return Pick<std::string>({"5000", "5000", "5000", "5001", "53", "7000"});
    }

    /** @return an address some process added earlier, or any address */
    std::string AddedAddress()
    {
        if (m_added.empty() || Chance(0.25))
        {
            return AnyAddress();
        }
        return Pick(m_added);
    }

    /** @return a device the process revealed, or any device */
    std::string RevealedDevice(const std::string& label)
    {
        const auto& revealed = m_revealed[label];
        if (revealed.empty() || Chance(0.2))
        {
            return Device();
        }
        return Pick(revealed);
    }

    /**
     * Start with one to three containers, as a scenario would: a root
     * process unshares, reveals devices, adds an address, and opens a UDP
     * socket bound to it or to the wildcard. Random operations afterwards
     * then deliver datagrams far more often than from an empty host.
     */
    void AddContainers(Sequence& sequence)
    {
        for (uint32_t n = 1 + Below(3); n > 0; --n)
        {
            const std::string label = "p" + std::to_string(m_labels.size());
            m_labels.push_back(label);
            auto& ops = sequence.operations;
            ops.push_back({"spawn", {label, "0"}});
            if (Chance(0.8))
            {
                ops.push_back({"unshare", {label}});
            }
            const std::string device = "eth" + std::to_string(Below(m_devices));
            m_revealed[label].push_back(device);
            ops.push_back({"reveal", {label, device}});
            const std::string address = std::string(LAN_PREFIXES[device.back() - '0']) + "." +
                                        std::to_string(10 + Below(4));
            m_added.push_back(address);
            ops.push_back({"addr-add", {label, device, address + "/24"}});
            ++m_sockets[label];
            const bool tcp = Chance(0.3);
            ops.push_back({"socket", {label, tcp ? "tcp" : "udp"}});
            ops.push_back({"bind", {label, "3", Chance(0.5) ? address : "0.0.0.0", "5000"}});
            if (tcp)
            {
                ops.push_back({"listen", {label, "3"}});
            }
        }
    }

    Operation Next()
    {
        const uint32_t draw = Below(100);
        const std::string p = Process();
        if (draw < 5)
        {
            const std::string label = "p" + std::to_string(m_labels.size());
            m_labels.push_back(label);
            return {"spawn", {label, Chance(0.8) ? "0" : "1000"}};
        }
        if (draw < 8)
        {
            const std::string label = "p" + std::to_string(m_labels.size());
            m_labels.push_back(label);
            return {"fork", {label, p}};
        }
        if (draw < 15)
        {
            return {"unshare", {p}};
        }
        if (draw < 25)
        {
            const std::string device = Device();
            m_revealed[p].push_back(device);
            return {"reveal", {p, device}};
        }
        if (draw < 40)
        {
            const std::string length = Pick<std::string>({"24", "24", "24", "16", "25", "32"});
            const std::string address = HostAddress();
            m_added.push_back(address);
            return {"addr-add", {p, RevealedDevice(p), address + "/" + length}};
        }
        if (draw < 45)
        {
            Operation operation{"addr-del", {p, RevealedDevice(p), AddedAddress()}};
            if (Chance(0.5))
            {
                operation.args.push_back(Pick<std::string>({"24", "16"}));
            }
            return operation;
        }
        if (draw < 55)
        {
            ++m_sockets[p];
            return {"socket", {p, Chance(0.8) ? "udp" : "tcp"}};
        }
        if (draw < 65)
        {
            Operation operation{"bind",
                                {p, Fd(p), Chance(0.4) ? "0.0.0.0" : AddedAddress(), Port()}};
            if (Chance(0.15))
            {
                operation.args.push_back("reuse");
            }
            return operation;
        }
        if (draw < 67)
        {
            return {"listen", {p, Fd(p)}};
        }
        if (draw < 70 && Chance(0.6))
        {
            const uint32_t peer = Below(m_devices);
            const std::string destination = Chance(0.7) ? AddedAddress() : HostAddress();
            return {"peer-connect", {std::to_string(peer), destination, DestinationPort()}};
        }
        if (draw < 70)
        {
            return {"connect", {p, Fd(p), AddedAddress(), DestinationPort()}};
        }
        if (draw < 82)
        {
            return {"send", {p, Fd(p), AddedAddress(), DestinationPort()}};
        }
        if (draw < 90)
        {
            const uint32_t peer = Below(m_devices);
            std::string destination = std::string(LAN_PREFIXES[peer]) + ".255";
            if (Chance(0.8))
            {
                destination = Chance(0.7) ? AddedAddress() : HostAddress();
            }
            return {"peer-send", {std::to_string(peer), destination, DestinationPort()}};
        }
        if (draw < 93)
        {
            return {"close", {p, Fd(p)}};
        }
        if (draw < 97)
        {
            return {"exit", {p}};
        }
        return {"set-isolation", {Chance(0.5) ? "on" : "off"}};
    }

    std::mt19937_64 m_random;                                   //!< the generator's random source
    uint32_t m_devices{1};                                      //!< devices of the topology
    std::vector<std::string> m_labels{"p0"};                    //!< process labels created so far
    std::map<std::string, uint32_t> m_sockets;                  //!< sockets opened per label
    std::map<std::string, std::vector<std::string>> m_revealed; //!< devices revealed per label
    std::vector<std::string> m_added;                           //!< addresses added by any label
};

} // namespace

Sequence
GenerateSequence(uint64_t seed, uint64_t index)
{
    return Generator(seed, index).Generate();
}

} // namespace oracle
} // namespace netns
} // namespace ns3
