// The main() of every doctest executable (tests/CMakeLists.txt links it into each).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
