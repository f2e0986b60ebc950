#pragma once
// JSON shapes shared by several commands.
#include "kiosk/core/json.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::cli {

/// {"code","name","title","unit","category","seat"}
void writeDelegate(core::JsonWriter& w, const services::Session& session, const core::Delegate& d);

/// The check-in JSON of the CLI contract (docs/CLI.md).
void writeOutcome(core::JsonWriter& w, const services::Session& session, const services::ScanOutcome& outcome);

} // namespace kiosk::cli
