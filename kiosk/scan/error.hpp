#pragma once
// Expected failures of the scan layer (a bad file, a missing camera) as values with a translatable message.
#include <string>
#include <utility>
#include <variant>

namespace kiosk::scan {

/// What went wrong; each code has a string-table key "scan.error.<name>".
enum class ErrorCode {
    FileNotFound,
    ReadFailed,
    UnknownFormat,
    BadImage,
    WriteFailed,
    EncodeFailed,
    TextTooLong,
    DeviceNotFound,
    PermissionDenied,
    NotACamera,
    NotASerialPort,
    NoSupportedFormat,
    DeviceBusy,
    DeviceLost,
    Timeout,
    EndOfInput,
    Io,
};

/// An expected failure: a code plus a technical detail (a path, an errno text).
struct Error {
    ErrorCode code = ErrorCode::Io;
    std::string detail;

    /// The string-table key for code, e.g. "scan.error.file_not_found".
    std::string key() const;
    /// The translated message with the detail filled in.
    std::string message() const;
};

/// The short name of a code ("file_not_found").
const char* errorName(ErrorCode code);

/// An error built from errno for the given device or file path.
Error errnoError(int err, const std::string& path);

/// A value or an Error; never throws for the failures it carries.
template <class T> class Expected {
public:
    Expected(T value) : m_v(std::move(value)) {}
    Expected(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Success or an Error.
struct Status {
    bool ok = true;
    Error error;
    static Status success() { return {}; }
    static Status failure(Error e) { return {false, std::move(e)}; }
    explicit operator bool() const { return ok; }
};

} // namespace kiosk::scan
