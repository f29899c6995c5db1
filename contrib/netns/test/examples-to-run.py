#! /usr/bin/env python3

# Examples that ns-3's test.py runs as smoke tests of the netns module.
#
# cpp_examples: (example and arguments, condition to run, condition to run
# under valgrind); the conditions are Python expressions over test.py's
# configuration variables. python_examples: (script, condition to run).
cpp_examples = [
    ("netns-default-scenario", "True", "True"),
    ("netns-default-scenario --routeIsolation=true", "True", "True"),
    ("netns-default-scenario --containers=5 --pcap=false", "True", "True"),
    # Sequential runs; test/in-tree/ runs it on two MPI ranks and compares.
    ("netns-mpi-scenario", "True", "True"),
    ("netns-mpi-scenario --routeIsolation=false", "True", "True"),
]

python_examples = []
