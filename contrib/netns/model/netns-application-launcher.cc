/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-application-launcher.h"

namespace ns3
{
namespace netns
{

namespace
{

// Access checking does not apply to the names in an explicit instantiation
// (C++17 [temp.explicit] paragraph 12). Instantiating MemberExporter with a
// pointer to a private member therefore defines a friend function that
// returns that pointer, which is the only way to reach the two private
// virtual methods of ns3::Application without patching ns-3.

/** Tag type naming Application::StartApplication. */
struct StartTag
{
    /// Type of the member pointer.
    using Member = void (Application::*)();
    /** @return the member pointer, defined by the instantiation below */
    friend Member ExportedMember(StartTag);
};

/** Tag type naming Application::StopApplication. */
struct StopTag
{
    /// Type of the member pointer.
    using Member = void (Application::*)();
    /** @return the member pointer, defined by the instantiation below */
    friend Member ExportedMember(StopTag);
};

/** Defines ExportedMember(Tag) to return the member pointer M. */
template <typename Tag, typename Tag::Member M>
struct MemberExporter
{
    /** @return the member pointer */
    friend typename Tag::Member ExportedMember(Tag)
    {
        return M;
    }
};

template struct MemberExporter<StartTag, &Application::StartApplication>;
template struct MemberExporter<StopTag, &Application::StopApplication>;

} // namespace

void
StartApplicationNow(Ptr<Application> application)
{
    (PeekPointer(application)->*ExportedMember(StartTag{}))();
}

void
StopApplicationNow(Ptr<Application> application)
{
    (PeekPointer(application)->*ExportedMember(StopTag{}))();
}

} // namespace netns
} // namespace ns3
