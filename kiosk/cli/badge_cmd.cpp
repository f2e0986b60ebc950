// kiosk badge CODE [--png FILE]
#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/scan/qr_writer.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/event_admin.hpp"

namespace kiosk::cli {

void addBadgeCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("badge", "print a delegate's badge QR text (and write its QR image)");
    auto code = std::make_shared<std::string>();
    auto png = std::make_shared<std::string>();
    cmd->add_option("CODE", *code, "delegate code")->required();
    cmd->add_option("--png", *png, "write the QR code as a PNG image");
    cmd->callback([&ctx, code, png] {
        auto& session = ctx.session();
        const auto d = services::findDelegate(session, core::asciiUpper(*code));
        if (!d) {
            return ctx.fail(kExitRefused, "not_found", core::trf("delegates.not_found", {{"code", *code}}));
        }
        services::DelegateDirectory dir(session);
        const std::string text = dir.badgeText(*d);
        if (!png->empty()) {
            const auto st = scan::writeQrPng(text, *png);
            if (!st) {
                return ctx.fail(kExitError, "png", st.error.detail);
            }
        }
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("code", d->code).field("text", text);
            if (!png->empty()) w.field("png", *png);
            w.endObject();
            ctx.out(w.str());
        } else {
            ctx.out(text);
        }
    });
}

} // namespace kiosk::cli
