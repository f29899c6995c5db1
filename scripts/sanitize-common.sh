# Shared steps of run-sanitizers.sh and run-fuzz.sh: the packages and the
# configuration of the instrumented build. Sourced after common.sh.

# clang and its runtime libraries (ASan, UBSan, libFuzzer).
NETNS_SANITIZE_PACKAGES=(clang-14 libclang-rt-14-dev)

# Configure and build the module, its tests, examples and fuzz targets with
# clang-14, AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's
# coverage instrumentation, in $NETNS_BUILD_DIR. clang's warnings differ
# from g++'s, so they do not fail this build; the g++ build keeps -Werror.
netns_build_sanitized() {
  netns_build -DCMAKE_CXX_COMPILER=clang++-14 -DNETNS_WERROR=OFF -DNETNS_SANITIZE=ON \
    -DNETNS_FUZZ=ON -DNETNS_PYTHON=OFF "$@"
}

# Export the sanitizer options: halt_on_error and exitcode make every
# finding fatal, and detect_leaks runs LeakSanitizer at exit. The
# suppression files of test/sanitizers are for reports inside ns-3 itself.
netns_sanitizer_environment() {
  local suppressions=$NETNS_ROOT/test/sanitizers
  export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:exitcode=86:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
  export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$suppressions/ubsan.supp"
}
