#pragma once
// Closing pieces of an administrative document laid out on a Flow: numbered section headings
// and the "Nơi nhận" list beside the signature block.
#include <string>
#include <vector>

#include "kiosk/paper/pdf_flow.hpp"

namespace kiosk::paper {

/// "II. TEXT" in bold, kept with a few lines of what follows; number counts up.
void sectionHeading(Flow& flow, int& number, const std::string& text, double size);

/// "Nơi nhận:" and its items at the left, the signature at the right, kept on one page.
void recipientsAndSignature(Flow& flow, const std::vector<std::string>& recipients,
                            const std::vector<std::string>& signerLines,
                            const std::string& signerName, double size);

} // namespace kiosk::paper
