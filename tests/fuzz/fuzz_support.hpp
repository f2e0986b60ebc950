#pragma once
// Small helpers shared by the fuzz targets: reading typed values off the front of the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::fuzz {

/// Consumes bytes from the front of a fuzz input (zeros once it runs out).
class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    bool flag() { return byte() & 1; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }
    /// Up to n bytes.
    std::string take(std::size_t n) {
        const std::size_t k = std::min(n, m_size - m_pos);
        std::string s(reinterpret_cast<const char*>(m_data + m_pos), k);
        m_pos += k;
        return s;
    }
    /// Everything left.
    std::string rest() { return take(m_size - m_pos); }

  private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

} // namespace kiosk::fuzz
