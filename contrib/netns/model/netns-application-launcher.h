/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_APPLICATION_LAUNCHER_H
#define NETNS_APPLICATION_LAUNCHER_H

#include "ns3/application.h"

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Run an application's StartApplication() now.
 *
 * ns-3.37 offers no public way to start or stop an application at a chosen
 * moment: both methods are private and run only from events that
 * Application::DoInitialize() schedules. A Process must run them itself, so
 * that sockets the application creates carry the process's credentials and
 * so that the application stops when the process exits.
 * @param application the application; its node must be set
 */
void StartApplicationNow(Ptr<Application> application);

/**
 * @ingroup netns
 * Run an application's StopApplication() now.
 * @param application the application
 */
void StopApplicationNow(Ptr<Application> application);

} // namespace netns
} // namespace ns3

#endif /* NETNS_APPLICATION_LAUNCHER_H */
