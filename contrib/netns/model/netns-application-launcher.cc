/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-application-launcher.h"

#include "netns-private-member.h"

namespace ns3
{
namespace netns
{

/** Tag naming Application::StartApplication for PrivateMemberAccess. */
struct StartApplicationTag
{
    /// Type of the member pointer.
    using Member = void (Application::*)();
    /** @return the member pointer, defined by the instantiation below */
    friend Member GetPrivateMember(StartApplicationTag);
};

/** Tag naming Application::StopApplication for PrivateMemberAccess. */
struct StopApplicationTag
{
    /// Type of the member pointer.
    using Member = void (Application::*)();
    /** @return the member pointer, defined by the instantiation below */
    friend Member GetPrivateMember(StopApplicationTag);
};

// The two private virtual methods of ns3::Application have no public caller.
template struct PrivateMemberAccess<StartApplicationTag, &Application::StartApplication>;
template struct PrivateMemberAccess<StopApplicationTag, &Application::StopApplication>;

void
StartApplicationNow(Ptr<Application> application)
{
    (PeekPointer(application)->*GetPrivateMember(StartApplicationTag{}))();
}

void
StopApplicationNow(Ptr<Application> application)
{
    (PeekPointer(application)->*GetPrivateMember(StopApplicationTag{}))();
}

} // namespace netns
} // namespace ns3
