#include "kiosk/scan/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace kiosk::scan {

namespace {

struct BlockStat {
    std::uint8_t lo = 255;
    std::uint8_t hi = 0;
    std::uint8_t tx = 0; // transitions along sampled rows
    std::uint8_t ty = 0; // transitions along sampled columns
    std::uint32_t sum = 0;
    std::uint32_t sumSq = 0;
};

// Sampled lines per block and direction: enough to see modules, a fraction of the pixels.
constexpr int kLinesPerBlock = 4;

// Counts black/white flips along a line with hysteresis around mid, so noise near the threshold
// does not count.
int transitions(const ImageView& f, int x, int y, int dx, int dy, int n, int mid, int hyst) {
    int count = 0, state = 0;
    for (int i = 0; i < n; ++i) {
        const int v = f.at(x + i * dx, y + i * dy);
        const int s = v > mid + hyst ? 1 : (v < mid - hyst ? -1 : 0);
        if (s != 0 && s != state) {
            if (state != 0) ++count;
            state = s;
        }
    }
    return count;
}

// Levels from the sampled rows only: rows are contiguous in memory, columns are not.
void measureLevels(const ImageView& f, int x0, int y0, int b, BlockStat& st) {
    const int step = b / kLinesPerBlock;
    int lo = 255, hi = 0;
    std::uint32_t sum = 0, sumSq = 0;
    for (int k = 0; k < kLinesPerBlock; ++k) {
        const std::uint8_t* p = f.data + static_cast<std::ptrdiff_t>(y0 + k * step + step / 2) * f.rowStride +
                                static_cast<std::ptrdiff_t>(x0) * f.pixStride;
        for (int i = 0; i < b; ++i) {
            const int v = p[static_cast<std::ptrdiff_t>(i) * f.pixStride];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
            sumSq += v * v;
        }
    }
    st.lo = static_cast<std::uint8_t>(lo);
    st.hi = static_cast<std::uint8_t>(hi);
    st.sum = sum;
    st.sumSq = sumSq;
}

void measureFlips(const ImageView& f, int x0, int y0, int b, int noise, BlockStat& st) {
    const int step = b / kLinesPerBlock;
    const int mid = (st.lo + st.hi) / 2, hyst = std::max((st.hi - st.lo) / 5, noise * 2);
    int tx = 0, ty = 0;
    for (int k = 0; k < kLinesPerBlock; ++k) {
        const int off = k * step + step / 2;
        tx += transitions(f, x0, y0 + off, 1, 0, b, mid, hyst);
        ty += transitions(f, x0 + off, y0, 0, 1, b, mid, hyst);
    }
    st.tx = static_cast<std::uint8_t>(std::min(tx, 255));
    st.ty = static_cast<std::uint8_t>(std::min(ty, 255));
}

// Standard deviation of n samples from their sum and sum of squares.
int sigma(double sum, double sumSq, double n) {
    const double mean = sum / n;
    return static_cast<int>(std::sqrt(std::max(0.0, sumSq / n - mean * mean)));
}

} // namespace

CandidateSearch findCodeCandidates(const ImageView& frame, const CandidateOptions& opt) {
    const int b = std::max(8, opt.blockSize);
    const int bw = frame.width / b, bh = frame.height / b;
    if (frame.empty() || bw < 3 || bh < 3) return {};
    const double samplesPerBlock = static_cast<double>(kLinesPerBlock) * b;

    std::vector<BlockStat> stats(static_cast<size_t>(bw) * bh);
    std::vector<int> sigmas;
    sigmas.reserve(stats.size());
    for (int by = 0; by < bh; ++by)
        for (int bx = 0; bx < bw; ++bx) {
            auto& st = stats[static_cast<size_t>(by) * bw + bx];
            measureLevels(frame, bx * b, by * b, b, st);
            sigmas.push_back(sigma(st.sum, st.sumSq, samplesPerBlock));
        }
    // Most blocks are background: their median spread is the frame's noise (plus smooth shading).
    std::nth_element(sigmas.begin(), sigmas.begin() + sigmas.size() / 2, sigmas.end());
    const int noise = sigmas[sigmas.size() / 2];
    const int need = std::max(opt.minContrast / 4, noise * 5 / 2);
    for (int by = 0; by < bh; ++by)
        for (int bx = 0; bx < bw; ++bx) {
            auto& st = stats[static_cast<size_t>(by) * bw + bx];
            if (st.hi - st.lo >= opt.minContrast) measureFlips(frame, bx * b, by * b, b, noise, st);
        }

    // Windows of 2x2 blocks, one block apart. A window is busy when its pixels flip between dark
    // and light along both axes, as modules do at any size from ~1.5 to ~10 pixels; a paper edge
    // or a stripe flips along one.
    const int ww = bw - 1, wh = bh - 1;
    std::vector<std::uint8_t> busy(static_cast<size_t>(ww) * wh, 0);
    std::vector<std::uint16_t> flipsX(busy.size(), 0), flipsY(busy.size(), 0);
    for (int wy = 0; wy < wh; ++wy)
        for (int wx = 0; wx < ww; ++wx) {
            int tx = 0, ty = 0;
            double sum = 0, sumSq = 0;
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    const auto& st = stats[static_cast<size_t>(wy + dy) * bw + wx + dx];
                    tx += st.tx, ty += st.ty;
                    sum += st.sum, sumSq += st.sumSq;
                }
            const bool contrasty = sigma(sum, sumSq, 4 * samplesPerBlock) >= need;
            const size_t w = static_cast<size_t>(wy) * ww + wx;
            busy[w] = (contrasty && tx >= 3 && ty >= 3 && tx + ty >= 10) ? 1 : 0;
            flipsX[w] = static_cast<std::uint16_t>(tx), flipsY[w] = static_cast<std::uint16_t>(ty);
        }

    // Connected components of busy windows (8-neighbours; the windows overlap, so a solid finder
    // centre one block wide does not split a code).
    std::vector<std::uint8_t> seen(busy.size(), 0);
    std::vector<int> stack;
    std::vector<Candidate> found;
    for (int start = 0; start < static_cast<int>(busy.size()); ++start) {
        if (!busy[start] || seen[start]) continue;
        int minX = ww, minY = wh, maxX = -1, maxY = -1, count = 0;
        long sumX = 0, sumY = 0;
        stack.assign(1, start);
        seen[start] = 1;
        while (!stack.empty()) {
            const int cur = stack.back();
            stack.pop_back();
            const int cx = cur % ww, cy = cur / ww;
            ++count;
            sumX += flipsX[cur], sumY += flipsY[cur];
            minX = std::min(minX, cx), maxX = std::max(maxX, cx);
            minY = std::min(minY, cy), maxY = std::max(maxY, cy);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = cx + dx, ny = cy + dy;
                    if (nx < 0 || ny < 0 || nx >= ww || ny >= wh) continue;
                    const int n = ny * ww + nx;
                    if (busy[n] && !seen[n]) {
                        seen[n] = 1;
                        stack.push_back(n);
                    }
                }
        }
        // Window (x, y) spans blocks x..x+1: the component spans blocks minX..maxX+1.
        const int cw = maxX - minX + 2, ch = maxY - minY + 2;
        if (count < opt.minBlocks) continue;
        if (cw > opt.maxExtent * bw || ch > opt.maxExtent * bh) continue;
        const double aspect = static_cast<double>(std::max(cw, ch)) / std::min(cw, ch);
        if (aspect > 3.0) continue;
        const double fill = static_cast<double>(count) / ((cw - 1) * (ch - 1));
        Candidate c;
        const int x0 = std::max(0, (minX - 1) * b), y0 = std::max(0, (minY - 1) * b);
        const int x1 = std::min(frame.width, (minX + cw + 1) * b), y1 = std::min(frame.height, (minY + ch + 1) * b);
        c.rect = {x0, y0, x1 - x0, y1 - y0};
        c.balance = static_cast<double>(std::min(sumX, sumY)) / static_cast<double>(std::max(1L, std::max(sumX, sumY)));
        c.score = count * fill / aspect;
        if (c.score >= opt.minScore) found.push_back(c);
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& c) { return a.score > c.score; });
    if (static_cast<int>(found.size()) > opt.maxCandidates) found.resize(static_cast<size_t>(opt.maxCandidates));
    return {std::move(found), noise};
}

} // namespace kiosk::scan
