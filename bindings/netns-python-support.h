/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Shared machinery of the ns3netns Python extension. ns3::Ptr is the
 * pybind11 holder, and errno failures are raised as OSError. Objects of a
 * destroyed simulation raise DisposedError, and Checked() applies both rules
 * to a bound member function. CallableRegistry owns every Python callable
 * the simulator can call back.
 */
#ifndef NETNS_PYTHON_SUPPORT_H
#define NETNS_PYTHON_SUPPORT_H

#include "ns3/event-id.h"
#include "ns3/net-device-container.h"
#include "ns3/netns-status.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

// ns3::Ptr is intrusive: the count lives in the object, so a holder can be
// rebuilt from a raw pointer at any time without a double free.
PYBIND11_DECLARE_HOLDER_TYPE(T, ns3::Ptr<T>, true);

namespace pybind11
{
namespace detail
{

/** Give pybind11 the raw pointer of an ns3::Ptr, which has no get(). */
template <typename T>
struct holder_helper<ns3::Ptr<T>>
{
    /**
     * @param p the holder
     * @return the raw pointer
     */
    static T* get(const ns3::Ptr<T>& p)
    {
        return ns3::PeekPointer(p);
    }
};

} // namespace detail
} // namespace pybind11

namespace ns3
{

namespace python
{

namespace py = pybind11;

/**
 * Raised (as ns3netns.core.DisposedError, a RuntimeError) when Python uses an
 * object that Simulator.Destroy() disposed.
 */
class DisposedError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/**
 * Raise OSError(errno, message) for a failed status; Python picks the
 * subclass (PermissionError for EPERM, FileExistsError for EEXIST, ...).
 * @param status a failed status
 */
[[noreturn]] void RaiseOsError(const netns::Status& status);

/**
 * Raise OSError for a failed status and do nothing for OK.
 * @param status the status
 */
void Check(const netns::Status& status);

/**
 * @tparam T the value type
 * @param result a result
 * @return its value; raises OSError when it failed
 */
template <typename T>
T
Unwrap(const netns::Result<T>& result)
{
    Check(result.GetStatus());
    return result.GetValue();
}

/**
 * @param node a node
 * @return true while the node belongs to the current simulation's NodeList
 */
bool IsNodeAlive(const Node* node);

/**
 * Raise DisposedError when an object belongs to a simulation that
 * Simulator.Destroy() ended: a node outside the current NodeList, a device,
 * socket or netns object whose node or host is gone, or any object
 * aggregated to such a node. Objects never attached to a node pass.
 * @param object the object; null passes
 */
void EnsureLive(const Object* object);

/// True for ns3::Ptr<T>.
template <typename T>
struct IsPtr : std::false_type
{
};

/// True for ns3::Ptr<T>.
template <typename T>
struct IsPtr<Ptr<T>> : std::true_type
{
    using Element = T; //!< the pointed-to type
};

/**
 * Raise DisposedError when a container has a node of a destroyed simulation.
 * @param nodes the nodes
 */
void EnsureLiveNodes(const NodeContainer& nodes);

/**
 * Raise DisposedError when a container has a device of a destroyed simulation.
 * @param devices the devices
 */
void EnsureLiveDevices(const NetDeviceContainer& devices);

/**
 * Apply EnsureLive to an argument when it is an ns-3 object pointer or a
 * container of nodes or devices.
 * @tparam T the argument type
 * @param argument the argument
 */
template <typename T>
void
EnsureLiveArgument(const T& argument)
{
    if constexpr (IsPtr<T>::value)
    {
        if constexpr (std::is_base_of_v<Object, typename IsPtr<T>::Element>)
        {
            EnsureLive(PeekPointer(argument));
        }
    }
    else if constexpr (std::is_same_v<T, NodeContainer>)
    {
        EnsureLiveNodes(argument);
    }
    else if constexpr (std::is_same_v<T, NetDeviceContainer>)
    {
        EnsureLiveDevices(argument);
    }
}

/// True for netns::Result<T>.
template <typename T>
struct IsResult : std::false_type
{
};

/// True for netns::Result<T>.
template <typename T>
struct IsResult<netns::Result<T>> : std::true_type
{
};

/**
 * Convert what a bound C++ function returned into what Python gets: a
 * Status becomes nothing or OSError, a Result its value or OSError, a
 * pointer to a record a copy or None, anything else itself.
 * @tparam R the C++ return type
 * @param value the returned value
 * @return the value for Python
 */
template <typename R>
auto
ConvertReturn(R&& value)
{
    using Value = std::decay_t<R>;
    if constexpr (std::is_same_v<Value, netns::Status>)
    {
        Check(value);
    }
    else if constexpr (IsResult<Value>::value)
    {
        return Unwrap(value);
    }
    else if constexpr (std::is_pointer_v<Value>)
    {
        using Record = std::remove_const_t<std::remove_pointer_t<Value>>;
        return value ? std::optional<Record>(*value) : std::optional<Record>();
    }
    else
    {
        return Value(std::forward<R>(value));
    }
}

/**
 * Build the Python-facing callable of a member function: it refuses a
 * disposed object or argument, calls the function, and converts its return
 * value with ConvertReturn().
 * @tparam Method the member function, as a constant
 * @return the callable to pass to pybind11's def()
 */
template <auto Method, typename R, typename C, typename... A>
auto
CheckedImpl(R (C::*)(A...))
{
    return [](C& self, A... args) {
        if constexpr (std::is_base_of_v<Object, C>)
        {
            EnsureLive(&self);
        }
        (EnsureLiveArgument(args), ...);
        if constexpr (std::is_void_v<R>)
        {
            (self.*Method)(std::forward<A>(args)...);
        }
        else
        {
            return ConvertReturn((self.*Method)(std::forward<A>(args)...));
        }
    };
}

/** @copydoc CheckedImpl */
template <auto Method, typename R, typename C, typename... A>
auto
CheckedImpl(R (C::*)(A...) const)
{
    return [](const C& self, A... args) {
        if constexpr (std::is_base_of_v<Object, C>)
        {
            EnsureLive(&self);
        }
        (EnsureLiveArgument(args), ...);
        if constexpr (std::is_void_v<R>)
        {
            (self.*Method)(std::forward<A>(args)...);
        }
        else
        {
            return ConvertReturn((self.*Method)(std::forward<A>(args)...));
        }
    };
}

/**
 * @tparam Method a member function constant, such as &netns::Process::Bind
 * @return the checked callable for def()
 */
template <auto Method>
auto
Checked()
{
    return CheckedImpl<Method>(Method);
}

/**
 * Convert an object to Python as the most derived type the extension
 * registers. pybind11 falls back to the static type when the dynamic type
 * is not registered (Ipv4L3Protocol, CsmaNetDevice, ...), so a Ptr<Object>
 * from GetObject() would otherwise lose every method of Ipv4 or NetDevice.
 * @param object the object, or null
 * @return the Python object, or None
 */
py::object ObjectToPython(Ptr<Object> object);

/**
 * @param name an argument name
 * @return a pybind11 argument that rejects None with TypeError
 */
py::arg NotNone(const char* name);

/**
 * The Python callables the simulator may call: scheduled events, trace
 * sinks and socket callbacks. ns-3 objects hold only a token, never a
 * Python reference, so no Python object is released from inside ns-3 and no
 * reference cycle runs through C++. Simulator.Destroy() and interpreter
 * exit release every callable.
 */
class CallableRegistry
{
  public:
    /**
     * Store a callable with bound arguments.
     * @param callable the callable
     * @param arguments positional arguments passed before the call's own
     * @return its token
     */
    static uint64_t Add(py::object callable, py::tuple arguments = py::tuple());

    /**
     * @param token a token
     * @return the callable and its bound arguments; an empty callable when released
     */
    static std::pair<py::object, py::tuple> Find(uint64_t token);

    /**
     * Release one callable.
     * @param token its token; unknown tokens are ignored
     */
    static void Remove(uint64_t token);

    /**
     * Store a callable in a slot of an object, such as the receive callback
     * of a socket, releasing the callable the slot held before.
     * @param owner the object
     * @param slot which of its callbacks
     * @param callable the callable, or None to empty the slot
     * @return its token, 0 for None
     */
    static uint64_t Replace(const void* owner, int slot, py::object callable);

    /** Release every callable. */
    static void Clear();

    /** @return the number of callables held */
    static std::size_t GetSize();

    /**
     * Remember the event that will run a token, so that cancelling the event
     * releases the callable.
     * @param eventUid the event's uid
     * @param token the callable's token
     */
    static void BindEvent(uint32_t eventUid, uint64_t token);

    /**
     * Release the callable of an event, if any.
     * @param eventUid the event's uid
     */
    static void ReleaseEvent(uint32_t eventUid);

    /**
     * Forget the event of a token that has run.
     * @param token the token
     */
    static void ForgetToken(uint64_t token);
};

/**
 * Report an exception raised by a Python callable called from C++. Inside
 * Simulator.Run() the first one is kept, the simulator stops after the
 * current event, and Run() raises it; outside Run() it goes to
 * sys.unraisablehook.
 * @param error the exception
 * @param where what was being called, for the unraisable report
 */
void ReportCallbackError(py::error_already_set& error, const char* where);

/**
 * Report a C++ exception thrown while calling a Python callable from C++,
 * such as an argument pybind11 cannot convert, as ReportCallbackError()
 * reports a Python one. It must not unwind through the simulator.
 * @param error the exception
 * @param where what was being called
 */
void ReportCallbackException(const std::exception& error, const char* where);

/**
 * Run the simulator the way Simulator.Run() does from Python: refuse to
 * run from inside a callback, and raise the first exception a Python
 * callback raised meanwhile.
 * @param run the call that runs the simulator, such as Simulator::Run
 */
void RunSimulator(const std::function<void()>& run);

/** @return true while Simulator.Run() runs */
bool IsRunning();

/**
 * Raise the first exception a callback raised during Run(), if any.
 */
void RaisePendingCallbackError();

/** @return the number of Simulator.Destroy() calls so far, which identifies a simulation */
uint64_t GetSimulationGeneration();

/** Count one Simulator.Destroy(). */
void NextSimulationGeneration();

/**
 * Call a registered callable with arguments converted by pybind11.
 * @tparam Args the argument types
 * @param token the callable's token
 * @param where what is being called, for error reports
 * @param args the arguments
 * @return the callable's return value, or an empty object when it raised or was released
 */
template <typename... Args>
py::object
InvokeCallable(uint64_t token, const char* where, Args&&... args)
{
    py::gil_scoped_acquire gil;
    auto [callable, bound] = CallableRegistry::Find(token);
    if (!callable)
    {
        return py::object();
    }
    try
    {
        py::tuple own = py::make_tuple(std::forward<Args>(args)...);
        if (bound.empty())
        {
            return callable(*own);
        }
        return callable(*bound, *own);
    }
    catch (py::error_already_set& error)
    {
        ReportCallbackError(error, where);
    }
    catch (const std::exception& error)
    {
        ReportCallbackException(error, where);
    }
    return py::object();
}

/**
 * Bind __eq__ and __ne__ from C++'s == and !=. A comparison with another
 * type gives NotImplemented, so Python falls back to False.
 * @tparam T the value type
 * @param cls the class being bound
 */
template <typename T, typename Class>
void
DefineEquality(Class& cls)
{
    cls.def(
           "__eq__",
           [](const T& self, const T& other) { return self == other; },
           py::is_operator(),
           py::arg("other"),
           "Return True for an equal value.")
        .def(
            "__ne__",
            [](const T& self, const T& other) { return self != other; },
            py::is_operator(),
            py::arg("other"),
            "Return True for a different value.");
}

/**
 * Bind __lt__, __le__, __gt__ and __ge__ from C++'s operator<.
 * @tparam T the value type
 * @param cls the class being bound
 */
template <typename T, typename Class>
void
DefineOrder(Class& cls)
{
    cls.def(
           "__lt__",
           [](const T& self, const T& other) { return self < other; },
           py::is_operator(),
           py::arg("other"),
           "Return True when this value sorts before other.")
        .def(
            "__le__",
            [](const T& self, const T& other) { return !(other < self); },
            py::is_operator(),
            py::arg("other"),
            "Return True when this value sorts before other or equals it.")
        .def(
            "__gt__",
            [](const T& self, const T& other) { return other < self; },
            py::is_operator(),
            py::arg("other"),
            "Return True when this value sorts after other.")
        .def(
            "__ge__",
            [](const T& self, const T& other) { return !(self < other); },
            py::is_operator(),
            py::arg("other"),
            "Return True when this value sorts after other or equals it.");
}

/**
 * Register the shared types and the registry's release at interpreter exit.
 * @param core the ns3netns.core module
 */
void RegisterSupport(py::module_& core);

/** @name Binding areas, in registration order */
///@{
void RegisterCore(py::module_& module);
void RegisterNetwork(py::module_& module);
void RegisterInternet(py::module_& module);
void RegisterApplications(py::module_& module);
void RegisterCsma(py::module_& module);
void RegisterPointToPoint(py::module_& module);
void RegisterNetnsModel(py::module_& module);
void RegisterNetnsProcess(py::module_& module);
void RegisterNetnsHelper(py::module_& module);
void RegisterNetnsCommands(py::module_& module);
///@}

} // namespace python
} // namespace ns3

#endif /* NETNS_PYTHON_SUPPORT_H */
