#include "kiosk/store/db.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

namespace kiosk::store {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
    std::string msg(context);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DbError(rc, msg);
}

constexpr int kBusyTimeoutMs = 5000;

} // namespace

bool DbError::busy() const {
    const int primary = m_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool DbError::cannotOpen() const {
    const int primary = m_code & 0xff;
    return primary == SQLITE_CANTOPEN || primary == SQLITE_NOTADB;
}

bool DbError::diskProblem() const {
    const int primary = m_code & 0xff;
    return primary == SQLITE_FULL || primary == SQLITE_IOERR;
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, std::string("prepare ") + std::string(sql.substr(0, 80)));
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        o.m_stmt = nullptr;
    }
    return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (const int rc = sqlite3_bind_int64(m_stmt, i, v); rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int i, double v) {
    if (const int rc = sqlite3_bind_double(m_stmt, i, v); rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
    if (const int rc = sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int i) {
    if (const int rc = sqlite3_bind_null(m_stmt, i); rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    sqlite3_reset(m_stmt);
    fail(m_db, rc, "step " + sql.substr(0, 80));
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::getInt(int c) const { return sqlite3_column_int64(m_stmt, c); }
double Statement::getDouble(int c) const { return sqlite3_column_double(m_stmt, c); }
std::string Statement::getText(int c) const {
    const auto* p = sqlite3_column_text(m_stmt, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string();
}
bool Statement::isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

std::unique_ptr<Database> Database::open(const std::string& path, bool create) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        if (raw) sqlite3_close(raw);
        throw DbError(rc, msg);
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    sqlite3_extended_result_codes(raw, 1);
    db->exec("PRAGMA journal_mode=WAL");
    // FULL: a commit is on disk before it returns, so an acknowledged check-in survives power loss.
    db->exec("PRAGMA synchronous=FULL");
    db->exec("PRAGMA foreign_keys=ON");
    return db;
}

Database::Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {
    // Identify the file just opened, to notice later when the path names another one.
    struct stat st {};
    if (m_path != ":memory:" && !m_path.empty() && ::stat(m_path.c_str(), &st) == 0) {
        m_dev = static_cast<std::uint64_t>(st.st_dev);
        m_ino = static_cast<std::uint64_t>(st.st_ino);
    }
}

bool Database::sameFileAtPath() const {
    if (m_ino == 0) return true; // in-memory or temporary database: nothing to compare
    struct stat st {};
    if (::stat(m_path.c_str(), &st) != 0) return false;
    return static_cast<std::uint64_t>(st.st_dev) == m_dev && static_cast<std::uint64_t>(st.st_ino) == m_ino;
}

void Database::requireSameFile() const {
    if (!sameFileAtPath())
        throw DbError(SQLITE_CANTOPEN, "the database file " + m_path + " was deleted or replaced while open; nothing was recorded");
}

Database::~Database() {
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DbError(rc, "exec: " + msg);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(m_db, sql); }

Statement& Database::cached(const std::string& sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) it = m_cache.emplace(sql, Statement(m_db, sql)).first;
    it->second.reset();
    return it->second;
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

std::int64_t Database::dataVersion() {
    // A cached statement left on a row keeps its read transaction, and so an old snapshot, open:
    // polling is where a long-running screen must see other processes' commits.
    for (auto& [sql, statement] : m_cache) statement.reset();
    auto& st = cached("PRAGMA data_version");
    const std::int64_t v = st.step() ? st.getInt(0) : 0;
    st.reset(); // a statement left mid-step would hold a read transaction open
    return v;
}

std::string Database::integrityCheck() {
    auto st = prepare("PRAGMA integrity_check");
    return st.step() ? st.getText(0) : "no answer";
}

void Database::backupTo(const std::string& path) {
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        if (dest) sqlite3_close(dest);
        throw DbError(rc, "open backup target " + path);
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", m_db, "main");
    if (!backup) {
        std::string msg = sqlite3_errmsg(dest);
        sqlite3_close(dest);
        throw DbError(SQLITE_ERROR, "backup: " + msg);
    }
    // Copy in steps so writers on other connections are never blocked for long.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int finalRc = sqlite3_errcode(dest);
    sqlite3_close(dest);
    if (rc != SQLITE_DONE) throw DbError(rc != SQLITE_DONE ? rc : finalRc, "backup to " + path + " failed");
}

int Database::userVersion() {
    auto st = prepare("PRAGMA user_version");
    return st.step() ? static_cast<int>(st.getInt(0)) : 0;
}

void Database::setUserVersion(int v) { exec("PRAGMA user_version=" + std::to_string(v)); }

Transaction::Transaction(Database& db) : m_db(db) {
    // Before any write: a deleted or replaced file would swallow it silently.
    m_db.requireSameFile();
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // Nothing throws from a destructor; SQLite already rolled back if the connection failed.
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace kiosk::store
