// kiosk_bench: measures each hot path beside a peer in the same run; prints a Markdown table.
#include <cstdio>
#include <cstring>
#include <string>

#include "tests/bench/bench.hpp"

int main(int argc, char** argv) {
    std::string only = argc > 1 ? argv[1] : "";
    kiosk::bench::Report report;
    for (const auto& b : kiosk::bench::registry()) {
        if (!only.empty() && only != b.name) continue;
        // The long runs (`hub-load`: ten minutes) only when asked for by name.
        if (only.empty() && b.name.size() > 5 && b.name.compare(b.name.size() - 5, 5, "-load") == 0) continue;
        std::fprintf(stderr, "bench %s...\n", b.name.c_str());
        b.run(report);
    }
    report.print();
    return 0;
}
