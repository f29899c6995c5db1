/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.core: Simulator, Time, TypeId, Object (attributes and traces),
 * Names, Config and RngSeedManager.
 *
 * Tests: test/python/test_bindings_core.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/names.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/type-id.h"

#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

/// An event scheduled from Python, tagged with its simulation.
struct ScheduledEvent
{
    EventId id;             //!< the ns-3 event
    uint64_t generation{0}; //!< GetSimulationGeneration() when it was scheduled

    /** @return true when the event belongs to a simulation Simulator.Destroy() ended */
    bool IsStale() const
    {
        return generation != GetSimulationGeneration();
    }
};

/** @return the text ns-3 prints for a value */
template <typename T>
std::string
ToText(const T& value)
{
    std::ostringstream os;
    os << value;
    return os.str();
}

/** Raise ValueError for a negative delay. */
void
CheckDelay(const Time& delay, const char* what)
{
    if (delay.IsStrictlyNegative())
    {
        throw py::value_error(std::string(what) + ": the delay must not be negative, got " +
                              ToText(delay));
    }
}

/** Run a scheduled Python callable once and release it. */
void
RunScheduled(uint64_t token)
{
    py::gil_scoped_acquire gil;
    CallableRegistry::ForgetToken(token);
    auto [callable, arguments] = CallableRegistry::Find(token);
    CallableRegistry::Remove(token);
    if (!callable)
    {
        return;
    }
    try
    {
        callable(*arguments);
    }
    catch (py::error_already_set& error)
    {
        ReportCallbackError(error, "a scheduled event");
    }
    catch (const std::exception& error)
    {
        ReportCallbackException(error, "a scheduled event");
    }
}

/** Time in an integer number of units, as ns-3's unit functions build it from integers. */
Time
FromInteger(int64_t value, Time::Unit unit)
{
    if (value < 0)
    {
        return Time() - Time::FromInteger(static_cast<uint64_t>(-value), unit);
    }
    return Time::FromInteger(static_cast<uint64_t>(value), unit);
}

/** Bind one unit function with an int and a float overload. */
void
DefineUnit(py::module_& m, const char* name, Time::Unit unit, const char* unitName)
{
    const std::string doc = std::string("Return a Time of the given number of ") + unitName + ".";
    m.def(
        name,
        [unit](int64_t value) { return FromInteger(value, unit); },
        py::arg("value"),
        doc.c_str());
    m.def(
        name,
        [unit](double value) { return Time::FromDouble(value, unit); },
        py::arg("value"),
        doc.c_str());
}

/** Bind Time and the unit functions. */
void
RegisterTime(py::module_& m)
{
    py::class_<Time> time(m,
                          "Time",
                          "A simulation time, stored as an integer count of the resolution unit "
                          "(nanoseconds by default). Build one with Seconds(), MilliSeconds(), ... "
                          "or from text such as Time(\"2ms\").");
    time.def(py::init<>(), "Create a zero time.")
        .def(py::init([](const std::string& text) { return ParseTime(text); }),
             py::arg("text"),
             "Parse a number with an optional unit (s, ms, us, ns, ps, fs, min, h, d, y); "
             "raises ValueError for other text.")
        .def("GetSeconds", &Time::GetSeconds, "Return the time in seconds.")
        .def("GetMilliSeconds", &Time::GetMilliSeconds, "Return whole milliseconds.")
        .def("GetMicroSeconds", &Time::GetMicroSeconds, "Return whole microseconds.")
        .def("GetNanoSeconds", &Time::GetNanoSeconds, "Return whole nanoseconds.")
        .def("GetPicoSeconds", &Time::GetPicoSeconds, "Return whole picoseconds.")
        .def("GetFemtoSeconds", &Time::GetFemtoSeconds, "Return whole femtoseconds.")
        .def("GetMinutes", &Time::GetMinutes, "Return the time in minutes.")
        .def("GetHours", &Time::GetHours, "Return the time in hours.")
        .def("GetDays", &Time::GetDays, "Return the time in days.")
        .def("GetYears", &Time::GetYears, "Return the time in years.")
        .def("GetTimeStep", &Time::GetTimeStep, "Return the raw count of resolution units.")
        .def("IsZero", &Time::IsZero, "Return True for a zero time.")
        .def("IsPositive", &Time::IsPositive, "Return True for a time >= 0.")
        .def("IsNegative", &Time::IsNegative, "Return True for a time <= 0.")
        .def("IsStrictlyPositive", &Time::IsStrictlyPositive, "Return True for a time > 0.")
        .def("IsStrictlyNegative", &Time::IsStrictlyNegative, "Return True for a time < 0.")
        .def(
            "__add__",
            [](const Time& self, const Time& other) { return self + other; },
            py::is_operator(),
            py::arg("other"),
            "Return the sum.")
        .def(
            "__sub__",
            [](const Time& self, const Time& other) { return self - other; },
            py::is_operator(),
            py::arg("other"),
            "Return the difference.")
        .def(
            "__neg__",
            [](const Time& time) { return Time() - time; },
            "Return the negated time.")
        .def(
            "__mul__",
            [](const Time& time, int64_t factor) { return time * factor; },
            py::is_operator(),
            py::arg("factor"),
            "Multiply by an integer.")
        .def(
            "__rmul__",
            [](const Time& time, int64_t factor) { return time * factor; },
            py::is_operator(),
            py::arg("factor"),
            "Multiply by an integer.")
        .def(
            "__hash__",
            [](const Time& time) { return std::hash<int64_t>()(time.GetTimeStep()); },
            "Hash of the raw time step.")
        .def("__str__", &ToText<Time>, "Return the time as ns-3 prints it, such as +1e+09ns.")
        .def(
            "__repr__",
            [](const Time& time) { return "Time(\"" + ToText(time) + "\")"; },
            "Return Time(\"...\") with the text ns-3 prints.");
    DefineEquality<Time>(time);
    DefineOrder<Time>(time);

    DefineUnit(m, "Seconds", Time::S, "seconds");
    DefineUnit(m, "MilliSeconds", Time::MS, "milliseconds");
    DefineUnit(m, "MicroSeconds", Time::US, "microseconds");
    DefineUnit(m, "NanoSeconds", Time::NS, "nanoseconds");
    DefineUnit(m, "PicoSeconds", Time::PS, "picoseconds");
    DefineUnit(m, "FemtoSeconds", Time::FS, "femtoseconds");
    DefineUnit(m, "Minutes", Time::MIN, "minutes");
    DefineUnit(m, "Hours", Time::H, "hours");
    DefineUnit(m, "Days", Time::D, "days");
    DefineUnit(m, "Years", Time::Y, "years");
}

/** @return the names of a type's own attributes and those of its parents */
std::vector<std::string>
AttributeNames(const TypeId& tid)
{
    std::vector<std::string> names;
    for (TypeId t = tid;; t = t.GetParent())
    {
        for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
        {
            names.push_back(t.GetAttribute(i).name);
        }
        if (!t.HasParent() || t.GetParent() == t)
        {
            break;
        }
    }
    return names;
}

/** @return the names of a type's own trace sources and those of its parents */
std::vector<std::string>
TraceSourceNames(const TypeId& tid)
{
    std::vector<std::string> names;
    for (TypeId t = tid;; t = t.GetParent())
    {
        for (std::size_t i = 0; i < t.GetTraceSourceN(); ++i)
        {
            names.push_back(t.GetTraceSource(i).name);
        }
        if (!t.HasParent() || t.GetParent() == t)
        {
            break;
        }
    }
    return names;
}

/** Bind TypeId. */
void
RegisterTypeId(py::module_& m)
{
    py::class_<TypeId> tid(m,
                           "TypeId",
                           "The registered type of an ns-3 object: its name, parent, "
                           "attributes and trace sources.");
    DefineEquality<TypeId>(tid);
    tid.def_static("LookupByName",
                   &LookupTypeId,
                   py::arg("name"),
                   "Return the type registered as name; raises ValueError when there is none.")
        .def("GetName", &TypeId::GetName, "Return the type name, such as ns3::Node.")
        .def("GetGroupName", &TypeId::GetGroupName, "Return the group (module) name.")
        .def("GetParent", &TypeId::GetParent, "Return the parent type.")
        .def("IsChildOf",
             &TypeId::IsChildOf,
             py::arg("other"),
             "Return True when this type is other or derives from it.")
        .def("GetAttributeNames",
             &AttributeNames,
             "Return the attribute names of the type and its parents.")
        .def("GetTraceSourceNames",
             &TraceSourceNames,
             "Return the trace source names of the type and its parents.")
        .def(
            "__hash__",
            [](const TypeId& tid) { return tid.GetUid(); },
            "Hash of the type's internal id.")
        .def("__str__", &TypeId::GetName, "Return the type name.")
        .def(
            "__repr__",
            [](const TypeId& tid) { return "TypeId(\"" + tid.GetName() + "\")"; },
            "Return TypeId(\"name\").");
}

/** Bind Object, the base of every ns-3 object the extension exposes. */
void
RegisterObject(py::module_& m)
{
    py::class_<Object, Ptr<Object>>(
        m,
        "Object",
        "Base of ns-3 objects: attributes, trace sources and aggregation. Objects are shared "
        "with C++ through ns3::Ptr; an object that Simulator.Destroy() disposed raises "
        "DisposedError when used.")
        .def(
            "GetInstanceTypeId",
            [](const Object& self) { return self.GetInstanceTypeId(); },
            "Return the object's most derived registered type.")
        .def(
            "SetAttribute",
            [](Object& self, const std::string& name, py::handle value) {
                EnsureLive(&self);
                SetObjectAttribute(self, name, value);
            },
            py::arg("name"),
            py::arg("value"),
            "Set an attribute from a str in ns-3's text form or from a value of the matching "
            "type (bool, int, float, Time, DataRate, an address, TypeId, an object). Raises "
            "AttributeError for an unknown or read-only attribute, TypeError for a value of "
            "the wrong type and ValueError for an invalid value.")
        .def(
            "GetAttribute",
            [](const Object& self, const std::string& name) {
                EnsureLive(&self);
                return GetObjectAttribute(self, name);
            },
            py::arg("name"),
            "Return an attribute's value: bool, int, float, str, Time, DataRate, an address, "
            "TypeId, an object or None; an enum as its name; other types as ns-3's text.")
        .def(
            "TraceConnectWithoutContext",
            [](Object& self, const std::string& name, py::function sink) {
                EnsureLive(&self);
                return ConnectTrace(self, name, std::move(sink), std::nullopt);
            },
            py::arg("name"),
            NotNone("sink"),
            "Call sink with the trace source's arguments each time it fires: packets as "
            "copies, addresses as Ipv4Address or InetSocketAddress, sequence numbers as int, "
            "TCP states as their names. Returns True. Raises AttributeError for an unknown "
            "trace source and TypeError for a signature the bindings cannot convert. "
            "Simulator.Destroy() releases the sink.")
        .def(
            "TraceConnect",
            [](Object& self,
               const std::string& name,
               const std::string& context,
               py::function sink) {
                EnsureLive(&self);
                return ConnectTrace(self, name, std::move(sink), context);
            },
            py::arg("name"),
            py::arg("context"),
            NotNone("sink"),
            "Like TraceConnectWithoutContext, with context passed to sink as its first "
            "argument.")
        .def(
            "GetObject",
            [](const Object& self, const std::string& typeName) {
                EnsureLive(&self);
                return ObjectToPython(self.GetObject<Object>(LookupTypeId(typeName)));
            },
            py::arg("typeName"),
            "Return the object of type typeName aggregated to this one, or None.")
        .def(
            "__repr__",
            [](const Object& self) {
                return "<" + self.GetInstanceTypeId().GetName() + " object>";
            },
            "Return <type-name object>.");
}

/** Bind Simulator and EventId. */
void
RegisterSimulator(py::module_& m)
{
    py::class_<ScheduledEvent>(m, "EventId", "An event returned by Simulator.Schedule().")
        .def(
            "IsExpired",
            [](const ScheduledEvent& event) {
                return event.IsStale() || Simulator::IsExpired(event.id);
            },
            "Return True when the event ran, was cancelled, or its simulation was destroyed.")
        .def(
            "IsRunning",
            [](const ScheduledEvent& event) {
                return !event.IsStale() && !Simulator::IsExpired(event.id);
            },
            "Return True while the event is pending.")
        .def(
            "Cancel",
            [](ScheduledEvent& event) {
                if (!event.IsStale())
                {
                    event.id.Cancel();
                    CallableRegistry::ReleaseEvent(event.id.GetUid());
                }
            },
            "Cancel the event and release its callable; nothing happens for an expired one.")
        .def(
            "GetUid",
            [](const ScheduledEvent& event) { return event.id.GetUid(); },
            "Return the event's unique id in its simulation.")
        .def(
            "GetContext",
            [](const ScheduledEvent& event) { return event.id.GetContext(); },
            "Return the context (node id) the event runs in.");

    py::class_<Simulator, std::unique_ptr<Simulator, py::nodelete>>(
        m,
        "Simulator",
        "The discrete-event simulator, a process-wide singleton. Python "
        "callables scheduled here run on the thread that called Run(), with "
        "the GIL held.")
        .def_static(
            "Run",
            []() { RunSimulator(&Simulator::Run); },
            "Run events until none is left or Stop() takes effect. When a Python callback "
            "raises, the simulator stops after the current event and Run() raises that "
            "exception.")
        .def_static(
            "Stop",
            []() { Simulator::Stop(); },
            "Stop after the current event.")
        .def_static(
            "Stop",
            [](const Time& delay) {
                CheckDelay(delay, "Simulator.Stop");
                Simulator::Stop(delay);
            },
            py::arg("delay"),
            "Stop when the given delay from now has passed.")
        .def_static(
            "Destroy",
            []() {
                if (IsRunning())
                {
                    throw std::runtime_error(
                        "Simulator.Destroy() cannot be called while Simulator.Run() runs; "
                        "call Simulator.Stop() and destroy after Run() returns");
                }
                Simulator::Destroy();
                NextSimulationGeneration();
                CallableRegistry::Clear();
            },
            "End the simulation: run destroy events, dispose every node, device and "
            "application, and release every Python callable the simulator holds. Python "
            "objects of the old simulation then raise DisposedError.")
        .def_static("Now", &Simulator::Now, "Return the current simulation time.")
        .def_static("IsFinished",
                    &Simulator::IsFinished,
                    "Return True when no event is left or Stop() took effect.")
        .def_static("GetContext",
                    &Simulator::GetContext,
                    "Return the context (node id) of the running event.")
        .def_static("GetMaximumSimulationTime",
                    &Simulator::GetMaximumSimulationTime,
                    "Return the largest time the simulator can reach.")
        .def_static(
            "Schedule",
            [](const Time& delay, py::function callback, py::args args) {
                CheckDelay(delay, "Simulator.Schedule");
                const uint64_t token = CallableRegistry::Add(std::move(callback), args);
                const EventId id = Simulator::Schedule(delay, &RunScheduled, token);
                CallableRegistry::BindEvent(id.GetUid(), token);
                return ScheduledEvent{id, GetSimulationGeneration()};
            },
            py::arg("delay"),
            NotNone("callback"),
            "Call callback(*args) after delay. The simulator keeps a reference to callback "
            "and args until the event runs, is cancelled, or Destroy() runs.")
        .def_static(
            "ScheduleNow",
            [](py::function callback, py::args args) {
                const uint64_t token = CallableRegistry::Add(std::move(callback), args);
                const EventId id = Simulator::ScheduleNow(&RunScheduled, token);
                CallableRegistry::BindEvent(id.GetUid(), token);
                return ScheduledEvent{id, GetSimulationGeneration()};
            },
            NotNone("callback"),
            "Call callback(*args) at the current time, after the running event.")
        .def_static(
            "ScheduleWithContext",
            [](uint32_t context, const Time& delay, py::function callback, py::args args) {
                CheckDelay(delay, "Simulator.ScheduleWithContext");
                const uint64_t token = CallableRegistry::Add(std::move(callback), args);
                Simulator::ScheduleWithContext(context, delay, &RunScheduled, token);
            },
            py::arg("context"),
            py::arg("delay"),
            NotNone("callback"),
            "Call callback(*args) after delay in the given context (a node id), as events "
            "of that node run. Returns None, as in ns-3.")
        .def_static(
            "ScheduleDestroy",
            [](py::function callback, py::args args) {
                const uint64_t token = CallableRegistry::Add(std::move(callback), args);
                const EventId id = Simulator::ScheduleDestroy(&RunScheduled, token);
                return ScheduledEvent{id, GetSimulationGeneration()};
            },
            NotNone("callback"),
            "Call callback(*args) when Destroy() runs.")
        .def_static(
            "Cancel",
            [](ScheduledEvent& event) {
                if (!event.IsStale())
                {
                    Simulator::Cancel(event.id);
                    CallableRegistry::ReleaseEvent(event.id.GetUid());
                }
            },
            py::arg("event"),
            "Cancel a pending event and release its callable.")
        .def_static(
            "Remove",
            [](ScheduledEvent& event) {
                if (!event.IsStale() && !Simulator::IsExpired(event.id))
                {
                    Simulator::Remove(event.id);
                    CallableRegistry::ReleaseEvent(event.id.GetUid());
                }
            },
            py::arg("event"),
            "Remove a pending event from the queue and release its callable.")
        .def_static(
            "IsExpired",
            [](const ScheduledEvent& event) {
                return event.IsStale() || Simulator::IsExpired(event.id);
            },
            py::arg("event"),
            "Return True when the event ran, was cancelled, or its simulation was destroyed.")
        .def_static(
            "GetDelayLeft",
            [](const ScheduledEvent& event) {
                return event.IsStale() ? Time() : Simulator::GetDelayLeft(event.id);
            },
            py::arg("event"),
            "Return the time until the event runs, zero when it expired.");
}

/** Bind Names. */
void
RegisterNames(py::module_& m)
{
    py::class_<Names, std::unique_ptr<Names, py::nodelete>>(
        m,
        "Names",
        "Names for objects, usable in place of ids in Config paths and pcap file "
        "names. Names outlive Simulator.Destroy(); Clear() removes them.")
        .def_static(
            "Add",
            [](const std::string& name, Ptr<Object> object) {
                EnsureLive(PeekPointer(object));
                if (name.empty() || name.find('/') != std::string::npos)
                {
                    throw py::value_error("invalid name \"" + name +
                                          "\": use a non-empty name without '/'");
                }
                const std::string existing = Names::FindName(object);
                if (!existing.empty())
                {
                    throw py::value_error("the object already has the name \"" + existing + "\"");
                }
                if (Names::Find<Object>(name))
                {
                    throw py::value_error("the name \"" + name +
                                          "\" is already taken; Names.Clear() removes all names");
                }
                Names::Add(name, object);
            },
            py::arg("name"),
            NotNone("object"),
            "Give an object a name at the root of the name space. Raises ValueError for an "
            "empty name, a name with '/', a name already taken, or an object already named.")
        .def_static(
            "Find",
            [](const std::string& path) { return ObjectToPython(Names::Find<Object>(path)); },
            py::arg("path"),
            "Return the object of a name or path (\"h1\" or \"/Names/h1\"), or None.")
        .def_static(
            "FindName",
            [](Ptr<Object> object) { return Names::FindName(object); },
            NotNone("object"),
            "Return the object's name, or \"\" when it has none.")
        .def_static(
            "FindPath",
            [](Ptr<Object> object) { return Names::FindPath(object); },
            NotNone("object"),
            "Return the object's full path such as /Names/h1, or \"\".")
        .def_static("Clear", &Names::Clear, "Remove every name.");
}

/** @return the global value of a name; raises ValueError when there is none */
GlobalValue*
FindGlobal(const std::string& name)
{
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            return *it;
        }
    }
    throw py::value_error("no global value is named \"" + name + "\"");
}

/** Set a global value from Python; raises ValueError or TypeError. */
void
SetGlobal(const std::string& name, py::handle value)
{
    GlobalValue* global = FindGlobal(name);
    Ptr<AttributeValue> converted =
        ToAttributeValue("global value \"" + name + "\"", global->GetChecker(), value);
    if (!GlobalValue::BindFailSafe(name, *converted))
    {
        throw py::value_error("setting global value \"" + name + "\" failed");
    }
}

/** Bind Config and RngSeedManager. */
void
RegisterConfig(py::module_& m)
{
    py::module_ config = m.def_submodule("Config",
                                         "ns-3's Config: attribute defaults and "
                                         "global values.");
    config.def(
        "SetDefault",
        [](const std::string& path, py::handle value) {
            const std::string::size_type separator = path.rfind("::");
            if (separator == std::string::npos || separator == 0)
            {
                throw py::value_error("invalid attribute path \"" + path +
                                      "\": expected ns3::TypeName::AttributeName");
            }
            const TypeId tid = LookupTypeId(path.substr(0, separator));
            const std::string name = path.substr(separator + 2);
            Ptr<AttributeValue> converted =
                MakeAttributeValue(tid, name, value, AttributeUse::Default);
            if (!Config::SetDefaultFailSafe(path, *converted))
            {
                throw py::value_error("setting the default of \"" + path + "\" failed");
            }
        },
        py::arg("path"),
        py::arg("value"),
        "Set the initial value of an attribute for objects created afterwards; path is "
        "ns3::TypeName::AttributeName. Raises ValueError for an unknown type, AttributeError "
        "for an unknown attribute, TypeError or ValueError for a bad value.");
    config.def("SetGlobal",
               &SetGlobal,
               py::arg("name"),
               py::arg("value"),
               "Set a global value such as ChecksumEnabled or RngRun.");
    config.def(
        "GetGlobal",
        [](const std::string& name) {
            GlobalValue* global = FindGlobal(name);
            Ptr<AttributeValue> value = global->GetChecker()->Create();
            global->GetValue(*value);
            return FromAttributeValue(*value, global->GetChecker());
        },
        py::arg("name"),
        "Return a global value.");
    config.def("Reset",
               &Config::Reset,
               "Restore every attribute default and global value to its initial value.");

    py::class_<RngSeedManager, std::unique_ptr<RngSeedManager, py::nodelete>>(
        m,
        "RngSeedManager",
        "Seed and run number of every random variable stream.")
        .def_static(
            "SetSeed",
            [](py::handle seed) { SetGlobal("RngSeed", seed); },
            py::arg("seed"),
            "Set the seed of every random stream created afterwards; raises ValueError for a "
            "value outside 0 to 2**32 - 1.")
        .def_static("GetSeed", &RngSeedManager::GetSeed, "Return the seed.")
        .def_static(
            "SetRun",
            [](py::handle run) { SetGlobal("RngRun", run); },
            py::arg("run"),
            "Set the run number, which selects independent substreams.")
        .def_static("GetRun", &RngSeedManager::GetRun, "Return the run number.");
}

} // namespace

void
RegisterCore(py::module_& m)
{
    RegisterSupport(m);
    RegisterTime(m);
    RegisterTypeId(m);
    RegisterObject(m);
    RegisterSimulator(m);
    RegisterNames(m);
    RegisterConfig(m);
    m.def("GetPythonCallableCount",
          &CallableRegistry::GetSize,
          "Return how many Python callables (events, trace sinks, socket callbacks) the "
          "simulator holds.");
    m.def("GetSupportedTraceSignatures",
          &GetSupportedTraceSignatures,
          "Return the trace source signatures that Python callables can be connected to.");
}

} // namespace python
} // namespace ns3
