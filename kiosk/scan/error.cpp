#include "kiosk/scan/error.hpp"

#include <cerrno>
#include <cstring>

#include "kiosk/core/i18n.hpp"

namespace kiosk::scan {

const char* errorName(ErrorCode code) {
    switch (code) {
    case ErrorCode::FileNotFound: return "file_not_found";
    case ErrorCode::ReadFailed: return "read_failed";
    case ErrorCode::UnknownFormat: return "unknown_format";
    case ErrorCode::BadImage: return "bad_image";
    case ErrorCode::WriteFailed: return "write_failed";
    case ErrorCode::EncodeFailed: return "encode_failed";
    case ErrorCode::TextTooLong: return "text_too_long";
    case ErrorCode::DeviceNotFound: return "device_not_found";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::NotACamera: return "not_a_camera";
    case ErrorCode::NotASerialPort: return "not_a_serial_port";
    case ErrorCode::NoSupportedFormat: return "no_supported_format";
    case ErrorCode::DeviceBusy: return "device_busy";
    case ErrorCode::DeviceLost: return "device_lost";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::EndOfInput: return "end_of_input";
    case ErrorCode::Io: return "io";
    }
    return "io";
}

std::string Error::key() const { return std::string("scan.error.") + errorName(code); }

std::string Error::message() const { return core::trf(key(), {{"detail", detail}}); }

Error errnoError(int err, const std::string& path) {
    const std::string detail = path + ": " + std::strerror(err);
    switch (err) {
    case ENOENT: return {ErrorCode::DeviceNotFound, detail};
    case EACCES:
    case EPERM: return {ErrorCode::PermissionDenied, detail};
    case EBUSY: return {ErrorCode::DeviceBusy, detail};
    case ENODEV:
    case ENXIO:
    case EIO: return {ErrorCode::DeviceLost, detail};
    default: return {ErrorCode::Io, detail};
    }
}

} // namespace kiosk::scan
