# The one list of the module's files, relative to contrib/netns/. The in-tree
# build (contrib/netns/CMakeLists.txt), the standalone build (the top-level
# CMakeLists.txt) and the Waf build (wscript-compat/wscript, checked by a
# test) all take their lists from here.

set(NETNS_SOURCES
    model/namespace-tcp-socket.cc
    model/namespace-traffic-control.cc
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
    model/namespace-traffic-control.h
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
    commands/netns-command-arguments.cc
    commands/netns-command-dispatcher.cc
    commands/netns-exec.cc
    commands/netns-file-commands.cc
    commands/netns-ifconfig-command.cc
    commands/netns-ifconfig-printer.cc
    commands/netns-ip-address-command.cc
    commands/netns-ip-command.cc
    commands/netns-ip-errors.cc
    commands/netns-ip-link-command.cc
    commands/netns-ip-link-printer.cc
    commands/netns-ip-route-command.cc
    commands/netns-ip-route-printer.cc
    commands/netns-link-state.cc
    commands/netns-scenario-report.cc
    commands/netns-scenario-runner.cc
    commands/netns-script-application-parser.cc
    commands/netns-script-parser.cc
    commands/netns-script-validator.cc
    commands/netns-script-values.cc
    commands/netns-shell-words.cc
    commands/netns-unshare-command.cc
)
set(NETNS_COMMAND_HEADERS
    commands/netns-command-arguments.h
    commands/netns-command-dispatcher.h
    commands/netns-command-result.h
    commands/netns-exec.h
    commands/netns-file-commands.h
    commands/netns-ifconfig-command.h
    commands/netns-ifconfig-printer.h
    commands/netns-ip-address-command.h
    commands/netns-ip-command.h
    commands/netns-ip-errors.h
    commands/netns-ip-link-command.h
    commands/netns-ip-link-printer.h
    commands/netns-ip-options.h
    commands/netns-ip-route-command.h
    commands/netns-ip-route-printer.h
    commands/netns-link-state.h
    commands/netns-scenario-report.h
    commands/netns-scenario-runner.h
    commands/netns-scenario-script.h
    commands/netns-script-application-parser.h
    commands/netns-script-error.h
    commands/netns-script-parser.h
    commands/netns-script-validator.h
    commands/netns-script-values.h
    commands/netns-shell-words.h
    commands/netns-unshare-command.h
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
    test/netns-commands-golden-test-suite.cc
    test/netns-commands-namespaces-test-suite.cc
    test/netns-commands-randomized-test-suite.cc
    test/netns-script-default-scenario-test-suite.cc
    test/netns-script-parser-test-suite.cc
    test/netns-script-randomized-test-suite.cc
)
set(NETNS_CAPTURE_TEST_SOURCES
    test/netns-capture-test-suite.cc
)
# MPI rules: namespace nodes take their host's system id and ids in set-up order.
set(NETNS_MPI_TEST_SOURCES
    test/netns-mpi-test-suite.cc
)
set(NETNS_TEST_SOURCES ${NETNS_CORE_TEST_SOURCES} ${NETNS_COMMAND_TEST_SOURCES}
                       ${NETNS_CAPTURE_TEST_SOURCES})
list(APPEND NETNS_TEST_SOURCES ${NETNS_MPI_TEST_SOURCES})

set(NETNS_EXAMPLES
    netns-default-scenario
    netns-mpi-scenario
)
