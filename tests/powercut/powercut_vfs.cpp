#include "tests/powercut/powercut_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <vector>

namespace kiosk::test::powercut {

namespace {

constexpr std::int64_t kSector = 512;

struct PendingOp {
    bool truncate = false;
    std::int64_t offset = 0; // the new size, for a truncate
    std::string data;
};

// One file as the disk holds it, and what was written since its last sync.
struct Shadow {
    std::string disk;
    std::vector<PendingOp> pending;
};

struct State {
    std::recursive_mutex mutex;
    sqlite3_vfs vfs{};
    sqlite3_vfs* unix = nullptr;
    std::map<std::string, Shadow> files;
    std::uint64_t ops = 0;
    std::uint64_t cutAt = 0;   // 0: never by count
    bool cutAfterCall = false; // the call at cutAt completes, then the power goes
    bool offAfterCall = false; // set during that call
    std::function<void()> onCut;
    bool off = false;
    std::mt19937_64 rng;
    bool registered = false;
};

State& state() {
    static State s;
    return s;
}

struct File {
    sqlite3_file base;
    sqlite3_file* real;
    std::string* path; // null for files SQLite deletes on close (temp files): not tracked
};

void applyWrite(std::string& image, std::int64_t offset, std::string_view data) {
    const auto end = static_cast<size_t>(offset) + data.size();
    if (image.size() < end) image.resize(end, '\0');
    std::memcpy(image.data() + offset, data.data(), data.size());
}

void applyOp(std::string& image, const PendingOp& op) {
    if (op.truncate)
        image.resize(static_cast<size_t>(op.offset), '\0');
    else
        applyWrite(image, op.offset, op.data);
}

void powerGoes(State& s) {
    s.off = true;
    if (s.onCut) s.onCut();
}

// Counts an I/O call that changes what is on disk; false when the power is (now) off.
bool tick(State& s) {
    if (s.off) return false;
    ++s.ops;
    if (s.cutAt != 0 && s.ops >= s.cutAt) {
        if (s.cutAfterCall) {
            s.offAfterCall = true; // AfterCall cuts once the call is done
            return true;
        }
        powerGoes(s);
        return false;
    }
    return true;
}

// Ends a counted call: the power goes here when the cut is "after the call".
struct AfterCall {
    State& s;
    ~AfterCall() {
        if (!s.offAfterCall) return;
        s.offAfterCall = false;
        powerGoes(s);
    }
};

File* self(sqlite3_file* f) {
    return reinterpret_cast<File*>(f);
}

int xClose(sqlite3_file* f) {
    auto* file = self(f);
    const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    delete file->path;
    sqlite3_free(file->real);
    return rc;
}

int xRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    return self(f)->real->pMethods->xRead(self(f)->real, buf, n, off);
}

int xWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    AfterCall after{s};
    auto* file = self(f);
    if (file->path && !tick(s)) return SQLITE_IOERR_WRITE;
    const int rc = file->real->pMethods->xWrite(file->real, buf, n, off);
    if (rc == SQLITE_OK && file->path)
        s.files[*file->path].pending.push_back(
            {false, off, std::string(static_cast<const char*>(buf), static_cast<size_t>(n))});
    return rc;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    AfterCall after{s};
    auto* file = self(f);
    if (file->path && !tick(s)) return SQLITE_IOERR_TRUNCATE;
    const int rc = file->real->pMethods->xTruncate(file->real, size);
    if (rc == SQLITE_OK && file->path) s.files[*file->path].pending.push_back({true, size, {}});
    return rc;
}

int xSync(sqlite3_file* f, int) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    AfterCall after{s};
    auto* file = self(f);
    if (!file->path) return SQLITE_OK;
    if (!tick(s)) return SQLITE_IOERR_FSYNC;
    // The real fsync is not needed: durability is what this VFS decides, and skipping it keeps a
    // thousand cuts fast.
    auto& shadow = s.files[*file->path];
    for (const auto& op : shadow.pending)
        applyOp(shadow.disk, op);
    shadow.pending.clear();
    return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return self(f)->real->pMethods->xFileSize(self(f)->real, size);
}
int xLock(sqlite3_file* f, int l) {
    return self(f)->real->pMethods->xLock(self(f)->real, l);
}
int xUnlock(sqlite3_file* f, int l) {
    return self(f)->real->pMethods->xUnlock(self(f)->real, l);
}
int xCheckReservedLock(sqlite3_file* f, int* r) {
    return self(f)->real->pMethods->xCheckReservedLock(self(f)->real, r);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return self(f)->real->pMethods->xFileControl(self(f)->real, op, arg);
}
int xSectorSize(sqlite3_file*) {
    return static_cast<int>(kSector);
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return self(f)->real->pMethods->xDeviceCharacteristics(self(f)->real);
}
int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** p) {
    return self(f)->real->pMethods->xShmMap(self(f)->real, page, size, extend, p);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return self(f)->real->pMethods->xShmLock(self(f)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    self(f)->real->pMethods->xShmBarrier(self(f)->real);
}
int xShmUnmap(sqlite3_file* f, int del) {
    return self(f)->real->pMethods->xShmUnmap(self(f)->real, del);
}
// No memory-mapped I/O: every read must come through xRead (mmap_size is 0 in kiosk anyway).
int xFetch(sqlite3_file*, sqlite3_int64, int, void** p) {
    *p = nullptr;
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file*, sqlite3_int64, void*) {
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {3,
                                     xClose,
                                     xRead,
                                     xWrite,
                                     xTruncate,
                                     xSync,
                                     xFileSize,
                                     xLock,
                                     xUnlock,
                                     xCheckReservedLock,
                                     xFileControl,
                                     xSectorSize,
                                     xDeviceCharacteristics,
                                     xShmMap,
                                     xShmLock,
                                     xShmBarrier,
                                     xShmUnmap,
                                     xFetch,
                                     xUnfetch};

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    auto* file = self(f);
    file->base.pMethods = nullptr;
    file->path = nullptr;
    file->real = static_cast<sqlite3_file*>(sqlite3_malloc(s.unix->szOsFile));
    if (!file->real) return SQLITE_NOMEM;
    std::memset(file->real, 0, static_cast<size_t>(s.unix->szOsFile));
    const bool tracked = name && !(flags & SQLITE_OPEN_DELETEONCLOSE);
    if (tracked && !s.files.count(name)) {
        // A file met for the first time holds, on disk, what it holds now (the runs start from
        // files closed cleanly); a file created now starts empty, its creation durable.
        std::error_code ec;
        Shadow shadow;
        if (std::filesystem::exists(name, ec)) shadow.disk = readWhole(name);
        s.files.emplace(name, std::move(shadow));
    }
    const int rc = s.unix->xOpen(s.unix, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(file->real);
        file->real = nullptr;
        return rc;
    }
    if (tracked) file->path = new std::string(name);
    file->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    AfterCall after{s};
    if (!tick(s)) return SQLITE_IOERR_DELETE;
    const int rc = s.unix->xDelete(s.unix, name, syncDir);
    // Deletion taken as durable at once, as SQLite's crash test does.
    if (rc == SQLITE_OK) s.files.erase(name);
    return rc;
}

int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return state().unix->xAccess(state().unix, name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return state().unix->xFullPathname(state().unix, name, n, out);
}
int xRandomness(sqlite3_vfs*, int n, char* out) {
    return state().unix->xRandomness(state().unix, n, out);
}
int xSleep(sqlite3_vfs*, int us) {
    return state().unix->xSleep(state().unix, us);
}
int xCurrentTime(sqlite3_vfs*, double* t) {
    return state().unix->xCurrentTime(state().unix, t);
}
int xGetLastError(sqlite3_vfs*, int n, char* out) {
    return state().unix->xGetLastError(state().unix, n, out);
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) {
    return state().unix->xCurrentTimeInt64(state().unix, t);
}

void writeWhole(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("powercut: cannot write " + path);
}

// Applies one pending write torn at sector boundaries: each piece reaches the disk, stays as it
// was, or (as a half-written sector may read back) holds garbage.
int applyTorn(std::string& image, const PendingOp& op, std::mt19937_64& rng) {
    if (op.truncate) {
        applyOp(image, op);
        return 0;
    }
    int torn = 0;
    std::int64_t pos = op.offset;
    const std::int64_t end = op.offset + static_cast<std::int64_t>(op.data.size());
    while (pos < end) {
        const std::int64_t next = std::min(end, (pos / kSector + 1) * kSector);
        std::string piece =
            op.data.substr(static_cast<size_t>(pos - op.offset), static_cast<size_t>(next - pos));
        switch (rng() % 3) {
        case 0:
            applyWrite(image, pos, piece);
            break;
        case 1:
            // Left as it was; a write past the old end still makes the file longer (with zeros).
            if (image.size() < static_cast<size_t>(next))
                image.resize(static_cast<size_t>(next), '\0');
            ++torn;
            break;
        default:
            for (auto& c : piece)
                c = static_cast<char>(rng());
            applyWrite(image, pos, piece);
            ++torn;
        }
        pos = next;
    }
    return torn;
}

} // namespace

const char* cutModeName(CutMode mode) {
    switch (mode) {
    case CutMode::DropAll:
        return "drop all";
    case CutMode::OrderedPrefix:
        return "ordered prefix";
    case CutMode::OutOfOrder:
        return "out of order";
    case CutMode::Torn:
        return "torn sectors";
    }
    return "?";
}

PowerCutVfs::PowerCutVfs(std::uint64_t seed) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    if (s.registered) throw std::logic_error("powercut: one PowerCutVfs at a time");
    s.unix = sqlite3_vfs_find("unix");
    if (!s.unix) throw std::runtime_error("powercut: no unix VFS");
    s.vfs = sqlite3_vfs{};
    s.vfs.iVersion = 2;
    s.vfs.szOsFile = sizeof(File);
    s.vfs.mxPathname = s.unix->mxPathname;
    s.vfs.zName = "powercut";
    s.vfs.xOpen = xOpen;
    s.vfs.xDelete = xDelete;
    s.vfs.xAccess = xAccess;
    s.vfs.xFullPathname = xFullPathname;
    s.vfs.xRandomness = xRandomness;
    s.vfs.xSleep = xSleep;
    s.vfs.xCurrentTime = xCurrentTime;
    s.vfs.xGetLastError = xGetLastError;
    s.vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
    s.files.clear();
    s.ops = 0;
    s.cutAt = 0;
    s.off = false;
    s.rng.seed(seed);
    if (sqlite3_vfs_register(&s.vfs, 1) != SQLITE_OK)
        throw std::runtime_error("powercut: cannot register the VFS");
    s.registered = true;
}

PowerCutVfs::~PowerCutVfs() {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    sqlite3_vfs_unregister(&s.vfs);
    sqlite3_vfs_register(s.unix, 1);
    s.files.clear();
    s.registered = false;
}

void PowerCutVfs::armAfter(std::uint64_t ops, bool afterTheCall) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.ops = 0;
    s.cutAt = ops;
    s.cutAfterCall = afterTheCall;
    s.offAfterCall = false;
    s.off = false;
}

void PowerCutVfs::onCut(std::function<void()> f) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.onCut = std::move(f);
}

void PowerCutVfs::cutNow() {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.off = true;
}

bool PowerCutVfs::powerOff() const {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    return s.off;
}

std::uint64_t PowerCutVfs::opsSeen() const {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    return s.ops;
}

CutStats PowerCutVfs::restore(CutMode mode) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    CutStats stats;
    for (auto& [path, shadow] : s.files) {
        std::string image = shadow.disk;
        const auto n = shadow.pending.size();
        stats.pendingWrites += static_cast<int>(n);
        const size_t prefix = n ? s.rng() % (n + 1) : 0;
        for (size_t i = 0; i < n; ++i) {
            const auto& op = shadow.pending[i];
            bool apply = false;
            switch (mode) {
            case CutMode::DropAll:
                apply = false;
                break;
            case CutMode::OrderedPrefix:
                apply = i < prefix;
                break;
            case CutMode::OutOfOrder:
            case CutMode::Torn:
                apply = s.rng() % 2 == 0;
                break;
            }
            if (!apply) continue;
            ++stats.appliedWrites;
            if (mode == CutMode::Torn)
                stats.tornSectors += applyTorn(image, op, s.rng);
            else
                applyOp(image, op);
        }
        writeWhole(path, image);
        std::error_code ec;
        std::filesystem::remove(path + "-shm", ec);
    }
    s.files.clear();
    s.off = false;
    s.cutAt = 0;
    return stats;
}

void PowerCutVfs::reset() {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.files.clear();
    s.off = false;
    s.cutAt = 0;
    s.ops = 0;
}

void PowerCutVfs::makeDefault(bool on) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    sqlite3_vfs_register(on ? &s.vfs : s.unix, 1);
}

} // namespace kiosk::test::powercut
