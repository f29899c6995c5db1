# The one list of the module's files, relative to contrib/netns/. The in-tree
# build (contrib/netns/CMakeLists.txt), the standalone build (the top-level
# CMakeLists.txt) and the Waf build (wscript-compat/wscript, checked by a
# test) all take their lists from here.

set(NETNS_SOURCES
    model/namespace-tcp-socket.cc
    model/namespace-udp-socket.cc
    model/net-namespace.cc
    model/netns-address-registry.cc
    model/netns-application-launcher.cc
    model/netns-credentials.cc
    model/netns-dispatcher.cc
    model/netns-host.cc
    model/netns-names.cc
    model/netns-process.cc
    model/netns-route-table.cc
    model/netns-routing.cc
    model/netns-socket-account.cc
    model/netns-socket-factories.cc
    model/netns-socket-table.cc
    model/netns-stack.cc
    model/netns-status.cc
    model/netns-traffic-control.cc
    model/netns-view-device.cc
    helper/netns-helper.cc
)

set(NETNS_HEADERS
    model/namespace-tcp-socket.h
    model/namespace-udp-socket.h
    model/net-namespace.h
    model/netns-address-registry.h
    model/netns-application-launcher.h
    model/netns-credentials.h
    model/netns-dispatcher.h
    model/netns-host.h
    model/netns-names.h
    model/netns-process.h
    model/netns-route-table.h
    model/netns-routing.h
    model/netns-socket-account.h
    model/netns-socket-factories.h
    model/netns-socket-table.h
    model/netns-stack.h
    model/netns-status.h
    model/netns-traffic-control.h
    model/netns-view-device.h
    helper/netns-helper.h
)

# Command interface: ip, ifconfig, unshare, file commands and scenario scripts.
set(NETNS_COMMAND_SOURCES
)
set(NETNS_COMMAND_HEADERS
)

# Capture helpers: per-namespace pcaps and their manifest.
set(NETNS_CAPTURE_SOURCES
    helper/netns-capture-helper.cc
)
set(NETNS_CAPTURE_HEADERS
    helper/netns-capture-helper.h
)

list(APPEND NETNS_SOURCES ${NETNS_COMMAND_SOURCES} ${NETNS_CAPTURE_SOURCES})
list(APPEND NETNS_HEADERS ${NETNS_COMMAND_HEADERS} ${NETNS_CAPTURE_HEADERS})

# ns-3 TestSuites, one file per area.
set(NETNS_CORE_TEST_SOURCES
    test/netns-test-lan.cc
    test/netns-process-test-suite.cc
    test/netns-view-test-suite.cc
    test/netns-address-test-suite.cc
    test/netns-socket-test-suite.cc
    test/netns-routes-test-suite.cc
    test/netns-resources-test-suite.cc
    test/netns-dispatch-test-suite.cc
)
set(NETNS_COMMAND_TEST_SOURCES
)
set(NETNS_CAPTURE_TEST_SOURCES
    test/netns-capture-test-suite.cc
)
set(NETNS_TEST_SOURCES ${NETNS_CORE_TEST_SOURCES} ${NETNS_COMMAND_TEST_SOURCES}
                       ${NETNS_CAPTURE_TEST_SOURCES})

set(NETNS_EXAMPLES
    netns-default-scenario
)
