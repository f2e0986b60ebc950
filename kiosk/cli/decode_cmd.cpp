// kiosk decode IMAGE...: QR codes in image files, through exactly the camera's decoder.
#include <chrono>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/scan/decoder.hpp"
#include "kiosk/scan/image.hpp"

namespace kiosk::cli {

void addDecodeCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("decode", "decode QR codes from PNG/JPEG files with the camera's pipeline");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("IMAGE", *files, "image files")->required();
    cmd->callback([&ctx, files] {
        const scan::Decoder decoder;
        core::JsonWriter w;
        bool allFound = true;
        for (const auto& file : *files) {
            const auto start = std::chrono::steady_clock::now();
            const auto image = scan::loadImage(file);
            std::string text, error;
            if (!image) {
                error = image.error().message();
            } else {
                const auto result = decoder.decode(image->view());
                for (const auto& code : result.codes) text += (text.empty() ? "" : "\n") + code.text;
                if (result.codes.empty()) error = core::tr("cli.not_decoded");
            }
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            allFound = allFound && error.empty();
            if (ctx.json) {
                w.beginObject().field("file", file);
                if (error.empty()) w.field("text", text);
                else w.field("error", error);
                w.field("ms", ms).endObject();
                ctx.out(w.str());
                w = core::JsonWriter();
            } else {
                ctx.out(file + ": " + (error.empty() ? text : error));
            }
        }
        ctx.exitCode = allFound ? kExitOk : kExitRefused;
    });
}

} // namespace kiosk::cli
