#pragma once
// An award handed during the ceremony ("công bố quyết định và trao thưởng").
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// One award: a collective (a unit) or an individual, under a decision.
struct Award {
    std::string id;            ///< stable id, e.g. "gk-01"
    int order = 0;             ///< the order the MC reads them
    std::string kind;          ///< "collective" or "individual"
    std::string recipient;     ///< the unit's or the person's name
    std::string unit;          ///< for an individual: where they work
    std::string delegateCode;  ///< the recipient's delegate code when they are a delegate ("" otherwise)
    std::string form;          ///< "Giấy khen của Giám đốc Sở Y tế"
    std::string decision;      ///< "Quyết định số 512/QĐ-SYT ngày 10/8/2023"
    std::string citation;      ///< what it is for
    std::optional<Millis> handedAt; ///< ticked off by the MC
};

/// True for the two kinds the pack may use.
inline bool isAwardKind(std::string_view kind) { return kind == "collective" || kind == "individual"; }

} // namespace kiosk::core
