#pragma once
// Finds regions of a frame that look like a 2D code (contrasty texture in both directions) for the
// decoder's second pass; far cheaper than a decode, so it can run on every frame without a code.
#include <vector>

#include "kiosk/scan/image.hpp"
#include "kiosk/scan/image_ops.hpp"

namespace kiosk::scan {

/// Tuning of the candidate search.
struct CandidateOptions {
    int blockSize = 16;     ///< pixels per block side
    int minContrast = 12;   ///< gray levels a block must span at least
    int maxCandidates = 3;  ///< best regions returned
    int minBlocks = 3;      ///< smaller components are ignored
    double maxExtent = 0.6; ///< components wider or taller than this share of the frame are ignored
    double minScore = 4;    ///< weaker components (small, sparse or elongated) are ignored
};

/// A region and how code-like it is (higher is better).
struct Candidate {
    Rect rect;
    double score = 0;
    double balance = 0; ///< dark/light flips across rows vs down columns, smaller over larger (1: even)
};

/// What the search found.
struct CandidateSearch {
    std::vector<Candidate> regions; ///< best first, each padded by a block and clipped to the frame
    int noise = 0;                  ///< typical gray-level spread of a background block (sensor noise)
};

/// The most code-like regions of a frame.
CandidateSearch findCodeCandidates(const ImageView& frame, const CandidateOptions& options = {});

} // namespace kiosk::scan
