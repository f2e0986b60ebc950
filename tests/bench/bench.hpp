#pragma once
// A tiny benchmark harness: each benchmark registers itself and adds rows to the report.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::bench {

struct Row {
    std::string group;
    std::string what;
    std::string ours;
    std::string peer;
    std::string note;
};

struct Report {
    std::vector<Row> rows;
    void add(Row row) { rows.push_back(std::move(row)); }
    void print() const {
        std::printf("| group | measurement | kiosk | peer | note |\n|---|---|---|---|---|\n");
        for (const auto& r : rows)
            std::printf("| %s | %s | %s | %s | %s |\n", r.group.c_str(), r.what.c_str(), r.ours.c_str(), r.peer.c_str(),
                        r.note.c_str());
    }
};

struct Benchmark {
    std::string name;
    std::function<void(Report&)> run;
};

inline std::vector<Benchmark>& registry() {
    static std::vector<Benchmark> all;
    return all;
}

struct Register {
    Register(std::string name, std::function<void(Report&)> fn) { registry().push_back({std::move(name), std::move(fn)}); }
};

/// Milliseconds as a double, from a steady clock.
inline double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// The q-quantile (0..1) of samples (sorted in place).
inline double quantile(std::vector<double>& samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const size_t i = std::min(samples.size() - 1, static_cast<size_t>(q * static_cast<double>(samples.size() - 1) + 0.5));
    return samples[i];
}

template <class... Args> std::string fmt(const char* f, Args... args) {
    char buf[256];
    std::snprintf(buf, sizeof buf, f, args...);
    return buf;
}

} // namespace kiosk::bench
