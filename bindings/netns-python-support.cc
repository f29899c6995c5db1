/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests: test/python/test_bindings_core.py (errors, disposal, callbacks).
 */
#include "netns-python-support.h"

#include "ns3/application.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/net-device.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-host.h"
#include "ns3/netns-process.h"
#include "ns3/netns-view-device.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"

#include <map>
#include <unordered_map>

namespace ns3
{
namespace python
{

namespace
{

/// A registered callable and the arguments bound to it.
struct RegisteredCallable
{
    py::object callable; //!< the callable
    py::tuple arguments; //!< arguments passed before the call's own
};

/// Everything the registry keeps. It is allocated once and never freed, so
/// no Python reference is released by a static destructor after the
/// interpreter has finalized. Only touched with the GIL held.
struct RegistryState
{
    std::unordered_map<uint64_t, RegisteredCallable> callables; //!< by token
    uint64_t nextToken{1};                                      //!< tokens are never reused
    std::unordered_map<uint32_t, uint64_t> tokenByEvent;        //!< pending events' tokens, by uid
    std::unordered_map<uint64_t, uint32_t> eventByToken;        //!< pending tokens' event uids
    bool running{false};                                        //!< true while Simulator.Run() runs
    std::optional<py::error_already_set> pendingError;     //!< first callback error of this Run()
    uint64_t generation{0};                                //!< Simulator.Destroy() calls so far
    std::map<std::pair<const void*, int>, uint64_t> slots; //!< tokens of per-object callbacks
};

/** @return the registry state */
RegistryState&
State()
{
    static auto* state = new RegistryState();
    return *state;
}

/** Raise DisposedError naming the object. */
[[noreturn]] void
RaiseDisposed(const Object* object, const std::string& what)
{
    throw DisposedError(object->GetInstanceTypeId().GetName() + " " + what +
                        " belongs to a simulation that Simulator.Destroy() ended; "
                        "build the scenario again to use it");
}

} // namespace

void
RaiseOsError(const netns::Status& status)
{
    PyErr_SetObject(PyExc_OSError, py::make_tuple(status.GetErrno(), status.GetMessage()).ptr());
    throw py::error_already_set();
}

void
Check(const netns::Status& status)
{
    if (!status.IsOk())
    {
        RaiseOsError(status);
    }
}

bool
IsNodeAlive(const Node* node)
{
    const uint32_t id = node->GetId();
    return id < NodeList::GetNNodes() && PeekPointer(NodeList::GetNode(id)) == node;
}

void
EnsureLive(const Object* object)
{
    if (!object)
    {
        return;
    }
    if (const auto* node = dynamic_cast<const Node*>(object))
    {
        if (!IsNodeAlive(node))
        {
            RaiseDisposed(object, "(node " + std::to_string(node->GetId()) + ")");
        }
        return;
    }
    if (const auto* host = dynamic_cast<const netns::Host*>(object))
    {
        if (!host->GetNode() || !IsNodeAlive(PeekPointer(host->GetNode())))
        {
            RaiseDisposed(object, "(a host)");
        }
        return;
    }
    if (const auto* ns = dynamic_cast<const netns::Namespace*>(object))
    {
        if (!ns->GetHost() || !ns->GetNode() || !IsNodeAlive(PeekPointer(ns->GetNode())))
        {
            RaiseDisposed(object, "(namespace " + std::to_string(ns->GetId()) + ")");
        }
        return;
    }
    if (const auto* process = dynamic_cast<const netns::Process*>(object))
    {
        if (!process->GetHost() || !process->GetHost()->GetNode() ||
            !IsNodeAlive(PeekPointer(process->GetHost()->GetNode())))
        {
            RaiseDisposed(object, "(process " + std::to_string(process->GetPid()) + ")");
        }
        return;
    }
    if (const auto* device = dynamic_cast<const NetDevice*>(object))
    {
        Ptr<Node> node = device->GetNode();
        if (!node || !IsNodeAlive(PeekPointer(node)))
        {
            RaiseDisposed(object, "(a device)");
        }
        return;
    }
    if (const auto* socket = dynamic_cast<const Socket*>(object))
    {
        Ptr<Node> node = socket->GetNode();
        if (!node || !IsNodeAlive(PeekPointer(node)))
        {
            RaiseDisposed(object, "(a socket)");
        }
        return;
    }
    // Protocols such as Ipv4 are aggregated to their node.
    Ptr<Node> node = object->GetObject<Node>();
    if (node && !IsNodeAlive(PeekPointer(node)))
    {
        RaiseDisposed(object, "(aggregated to node " + std::to_string(node->GetId()) + ")");
    }
}

void
EnsureLiveNodes(const NodeContainer& nodes)
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        EnsureLive(PeekPointer(*it));
    }
}

void
EnsureLiveDevices(const NetDeviceContainer& devices)
{
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        EnsureLive(PeekPointer(*it));
    }
}

namespace
{

/**
 * @return the object as Python through base T, or an empty object when it
 *         does not derive from T
 */
template <typename T>
py::object
CastThrough(const Ptr<Object>& object)
{
    Ptr<T> derived = DynamicCast<T>(object);
    return derived ? py::cast(derived) : py::object();
}

} // namespace

py::object
ObjectToPython(Ptr<Object> object)
{
    if (!object)
    {
        return py::none();
    }
    // Most derived bases first: pybind11 still picks a registered dynamic type itself.
    for (auto cast : {&CastThrough<netns::ViewDevice>,
                      &CastThrough<NetDevice>,
                      &CastThrough<Ipv4>,
                      &CastThrough<Ipv4StaticRouting>,
                      &CastThrough<Socket>,
                      &CastThrough<Application>,
                      &CastThrough<Node>,
                      &CastThrough<netns::Host>,
                      &CastThrough<netns::Namespace>,
                      &CastThrough<netns::Process>})
    {
        py::object converted = cast(object);
        if (converted)
        {
            return converted;
        }
    }
    return py::cast(object);
}

py::arg
NotNone(const char* name)
{
    return py::arg(name).none(false);
}

uint64_t
CallableRegistry::Add(py::object callable, py::tuple arguments)
{
    const uint64_t token = State().nextToken++;
    State().callables.emplace(token, RegisteredCallable{std::move(callable), std::move(arguments)});
    return token;
}

std::pair<py::object, py::tuple>
CallableRegistry::Find(uint64_t token)
{
    auto it = State().callables.find(token);
    if (it == State().callables.end())
    {
        return {py::object(), py::tuple()};
    }
    return {it->second.callable, it->second.arguments};
}

void
CallableRegistry::Remove(uint64_t token)
{
    // Move the entry out first: releasing the callable can run arbitrary
    // Python code (__del__), which may touch the registry again.
    auto it = State().callables.find(token);
    if (it == State().callables.end())
    {
        return;
    }
    RegisteredCallable released = std::move(it->second);
    State().callables.erase(it);
}

uint64_t
CallableRegistry::Replace(const void* owner, int slot, py::object callable)
{
    const std::pair<const void*, int> key{owner, slot};
    auto it = State().slots.find(key);
    if (it != State().slots.end())
    {
        const uint64_t previous = it->second;
        State().slots.erase(it);
        Remove(previous);
    }
    if (callable.is_none())
    {
        return 0;
    }
    const uint64_t token = Add(std::move(callable));
    State().slots[key] = token;
    return token;
}

void
CallableRegistry::Clear()
{
    std::unordered_map<uint64_t, RegisteredCallable> released;
    released.swap(State().callables);
    State().slots.clear();
    State().tokenByEvent.clear();
    State().eventByToken.clear();
    released.clear();
}

std::size_t
CallableRegistry::GetSize()
{
    return State().callables.size();
}

void
CallableRegistry::BindEvent(uint32_t eventUid, uint64_t token)
{
    State().tokenByEvent[eventUid] = token;
    State().eventByToken[token] = eventUid;
}

void
CallableRegistry::ReleaseEvent(uint32_t eventUid)
{
    auto it = State().tokenByEvent.find(eventUid);
    if (it == State().tokenByEvent.end())
    {
        return;
    }
    const uint64_t token = it->second;
    State().tokenByEvent.erase(it);
    State().eventByToken.erase(token);
    Remove(token);
}

void
CallableRegistry::ForgetToken(uint64_t token)
{
    auto it = State().eventByToken.find(token);
    if (it == State().eventByToken.end())
    {
        return;
    }
    State().tokenByEvent.erase(it->second);
    State().eventByToken.erase(it);
}

void
ReportCallbackError(py::error_already_set& error, const char* where)
{
    if (State().running)
    {
        if (!State().pendingError)
        {
            State().pendingError = std::move(error);
        }
        Simulator::Stop();
        return;
    }
    error.discard_as_unraisable(where);
}

namespace
{

/** Keep the running flag true for the lifetime of a run. */
class RunningGuard
{
  public:
    RunningGuard()
    {
        State().running = true;
    }

    ~RunningGuard()
    {
        State().running = false;
    }

    RunningGuard(const RunningGuard&) = delete;
    RunningGuard& operator=(const RunningGuard&) = delete;
};

} // namespace

void
RunSimulator(const std::function<void()>& run)
{
    if (State().running)
    {
        throw std::runtime_error(
            "Simulator.Run() is already running; it cannot be called from a callback");
    }
    {
        RunningGuard running;
        run();
    }
    RaisePendingCallbackError();
}

bool
IsRunning()
{
    return State().running;
}

void
ReportCallbackException(const std::exception& error, const char* where)
{
    if (const auto* builtin = dynamic_cast<const py::builtin_exception*>(&error))
    {
        builtin->set_error();
    }
    else
    {
        PyErr_SetString(PyExc_RuntimeError, error.what());
    }
    py::error_already_set pythonError;
    ReportCallbackError(pythonError, where);
}

void
RaisePendingCallbackError()
{
    if (!State().pendingError)
    {
        return;
    }
    py::error_already_set error = std::move(*State().pendingError);
    State().pendingError.reset();
    throw error;
}

uint64_t
GetSimulationGeneration()
{
    return State().generation;
}

void
NextSimulationGeneration()
{
    ++State().generation;
}

void
RegisterSupport(py::module_& core)
{
    py::register_exception<DisposedError>(core, "DisposedError", PyExc_RuntimeError);
    core.attr("DisposedError").attr("__doc__") =
        "Raised when Python uses an ns-3 object that Simulator.Destroy() disposed.";

    // Release the callables while the interpreter can still run their
    // destructors; the simulator itself may outlive the interpreter.
    py::module_::import("atexit").attr("register")(
        py::cpp_function([]() { CallableRegistry::Clear(); }));
}

} // namespace python
} // namespace ns3
