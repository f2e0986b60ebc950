#include "kiosk/ui/replay.hpp"

#include <sstream>

#include "kiosk/core/json.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kMarkPrefix = " replay:";

bool knownVerb(const std::string& verb) {
    static const char* const kVerbs[] = {"scan", "frame", "key", "click", "type", "shot", "wait", "mark", "quit"};
    for (const char* v : kVerbs)
        if (verb == v) return true;
    return false;
}

bool jsonLiteral(std::string_view v) {
    if (v == "true" || v == "false" || v == "null") return true;
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return true; // "" for an empty text
    size_t i = v.size() > 1 && v[0] == '-' ? 1 : 0;
    if (i == v.size()) return false;
    for (; i < v.size(); ++i)
        if ((v[i] < '0' || v[i] > '9') && v[i] != '.') return false;
    return true;
}

} // namespace

std::optional<std::vector<ReplayStep>> parseReplay(const std::string& text, std::string& error) {
    std::vector<ReplayStep> steps;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    core::Millis last = 0;
    auto fail = [&](const std::string& what) {
        error = "line " + std::to_string(lineNo) + ": " + what;
        return std::nullopt;
    };
    while (std::getline(in, raw)) {
        ++lineNo;
        // A '#' starts a comment only after white space, so scanned texts may hold '#'.
        std::string_view line = core::trim(raw);
        if (line.empty() || line[0] == '#') continue;
        if (const size_t c = line.find(" #"); c != std::string_view::npos) line = core::trim(line.substr(0, c));
        std::istringstream ls{std::string(line)};
        ReplayStep step;
        step.line = lineNo;
        ls >> step.verb;
        if (step.verb == "at") {
            long long ms = -1;
            if (!(ls >> ms) || ms < 0 || !(ls >> step.verb)) return fail("expected 'VERB [ARG]' or 'at MS VERB [ARG]'");
            if (ms < last) return fail("steps must be in time order");
            step.at = last = ms;
        } else {
            step.at = last; // runs after the step before it, so never earlier than that one's time
        }
        if (!knownVerb(step.verb)) return fail("unknown step '" + step.verb + "'");
        std::getline(ls, step.arg);
        step.arg = std::string(core::trim(step.arg));
        if (step.arg.empty() && step.verb != "quit") return fail("'" + step.verb + "' needs an argument");
        if (step.verb == "wait" && !parseWait(step.arg)) return fail("expected 'wait KEY VALUE' or 'wait peer KIOSK MARK'");
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

std::optional<WaitCondition> parseWait(std::string_view arg) {
    arg = core::trim(arg);
    const size_t sp = arg.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    WaitCondition c;
    c.key = std::string(arg.substr(0, sp));
    const std::string_view rest = core::trim(arg.substr(sp + 1));
    if (c.key != "peer") {
        c.value = std::string(rest);
        return c;
    }
    // The kiosk's name may hold spaces ("Cổng 2"); the mark is the last word.
    const size_t last = rest.rfind(' ');
    if (last == std::string_view::npos) return std::nullopt;
    c.peer = std::string(core::trim(rest.substr(0, last)));
    c.value = std::string(rest.substr(last + 1));
    return c;
}

bool stateMatches(std::string_view json, const WaitCondition& c) {
    const std::string needle =
        core::jsonQuote(c.key) + ":" + (jsonLiteral(c.value) ? c.value : core::jsonQuote(c.value));
    for (size_t at = json.find(needle); at != std::string_view::npos; at = json.find(needle, at + 1)) {
        const size_t end = at + needle.size();
        // "le":3 must not match "le":30, nor a key that merely ends in "le".
        const bool whole = end == json.size() || json[end] == ',' || json[end] == '}' || json[end] == ']';
        const bool keyStart = at > 0 && (json[at - 1] == '{' || json[at - 1] == ',');
        if (whole && keyStart) return true;
    }
    return false;
}

std::string markedInfo(std::string_view info, std::string_view mark) {
    return std::string(info) + std::string(kMarkPrefix) + std::string(mark);
}

bool infoHasMark(std::string_view info, std::string_view mark) {
    const std::string tail = std::string(kMarkPrefix) + std::string(mark);
    return info.size() >= tail.size() && info.substr(info.size() - tail.size()) == tail;
}

} // namespace kiosk::ui
