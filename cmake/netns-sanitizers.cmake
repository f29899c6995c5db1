# Instrumented builds of the module's own targets; Debian's ns-3 libraries
# stay uninstrumented, so the sanitizers check the module's code and what it
# does with ns-3 objects, not ns-3's internals.
#
#   NETNS_SANITIZE  AddressSanitizer (with LeakSanitizer) and
#                   UndefinedBehaviorSanitizer; scripts/run-sanitizers.sh
#   NETNS_FUZZ      libFuzzer coverage instrumentation and the fuzz targets
#                   of test/fuzz; needs clang; scripts/run-fuzz.sh
option(NETNS_SANITIZE "Build with AddressSanitizer, LeakSanitizer and UBSan" OFF)
option(NETNS_FUZZ "Build the libFuzzer targets of test/fuzz (clang only)" OFF)

if(NETNS_SANITIZE)
  # -fno-sanitize-recover makes every UBSan finding fatal, like ASan's.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(NETNS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NETNS_FUZZ needs clang (libFuzzer); configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14, as scripts/run-fuzz.sh does")
  endif()
  # Coverage feedback for libFuzzer in every target; only the fuzz targets
  # link libFuzzer's main (-fsanitize=fuzzer, in test/fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
