#include "kiosk/ui/replay.hpp"

#include <sstream>

#include "kiosk/core/text.hpp"

namespace kiosk::ui {

std::optional<std::vector<ReplayStep>> parseReplay(const std::string& text, std::string& error) {
    static const char* const kVerbs[] = {"scan", "frame", "key", "click", "type", "shot", "quit"};
    std::vector<ReplayStep> steps;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    core::Millis last = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        // A '#' starts a comment only after white space, so scanned texts may hold '#'.
        std::string_view line = core::trim(raw);
        if (line.empty() || line[0] == '#') continue;
        if (const size_t c = line.find(" #"); c != std::string_view::npos) line = core::trim(line.substr(0, c));
        std::istringstream ls{std::string(line)};
        std::string at, verb;
        long long ms = -1;
        ls >> at >> ms >> verb;
        if (at != "at" || ms < 0 || verb.empty()) {
            error = "line " + std::to_string(lineNo) + ": expected 'at MS VERB [ARG]'";
            return std::nullopt;
        }
        bool known = false;
        for (const char* v : kVerbs) known = known || verb == v;
        if (!known) {
            error = "line " + std::to_string(lineNo) + ": unknown step '" + verb + "'";
            return std::nullopt;
        }
        if (ms < last) {
            error = "line " + std::to_string(lineNo) + ": steps must be in time order";
            return std::nullopt;
        }
        last = ms;
        std::string arg;
        std::getline(ls, arg);
        ReplayStep step{ms, verb, std::string(core::trim(arg)), lineNo};
        if (step.arg.empty() && verb != "quit") {
            error = "line " + std::to_string(lineNo) + ": '" + verb + "' needs an argument";
            return std::nullopt;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

bool clickCoordinates(const std::string& arg, float& x, float& y) {
    std::istringstream in(arg);
    std::string rest;
    if (!(in >> x >> y)) return false;
    return !(in >> rest);
}

} // namespace kiosk::ui
