#pragma once
// RAII over SQLite: a database handle, prepared statements, and a transaction that rolls back
// unless committed. Errors are DbError exceptions carrying the SQLite result code.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::store {

/// A failed SQLite call: broken infrastructure (a locked, full or corrupt database).
class DbError : public std::runtime_error {
public:
    DbError(int code, const std::string& what) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }
    /// SQLITE_BUSY / SQLITE_LOCKED: another process holds the write lock too long.
    bool busy() const;
    /// SQLITE_CANTOPEN / SQLITE_NOTADB: no event database at that path, or not one.
    bool cannotOpen() const;
    /// SQLITE_FULL / SQLITE_IOERR: the disk is full or failing.
    bool diskProblem() const;

private:
    int m_code;
};

/// A prepared statement; bind with 1-based indexes, read columns 0-based.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <class T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Steps once: true while a row is available.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::int64_t getInt(int col) const;
    double getDouble(int col) const;
    std::string getText(int col) const;
    bool isNull(int col) const;
    int columnCount() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

/// One open database file, set up for safe sharing between kiosk processes:
/// WAL, foreign keys, synchronous=FULL, a busy timeout.
class Database {
public:
    /// Opens (creating if asked) and applies the pragmas; throws DbError.
    static std::unique_ptr<Database> open(const std::string& path, bool create = false);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    /// A statement prepared once and reused (reset before it is handed out).
    Statement& cached(const std::string& sql);

    std::int64_t lastInsertId() const;
    int changes() const;
    /// Changes whenever another connection commits: poll it to see other kiosks' work.
    std::int64_t dataVersion();
    /// "ok" or the first problem reported by PRAGMA integrity_check.
    std::string integrityCheck();
    /// Online backup into a new file (safe while other kiosks write).
    void backupTo(const std::string& path);

    int userVersion();
    void setUserVersion(int version);

    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    /// False when the file at path() is no longer the one this connection has open (deleted,
    /// or replaced by another file): writes would go to an unlinked file and be lost on exit.
    /// One stat(), cheap enough for every transaction.
    bool sameFileAtPath() const;
    /// Throws DbError (cannotOpen()) when !sameFileAtPath(); every Transaction calls it first.
    void requireSameFile() const;

private:
    Database(sqlite3* db, std::string path);
    sqlite3* m_db;
    std::string m_path;
    std::uint64_t m_dev = 0;
    std::uint64_t m_ino = 0;
    std::map<std::string, Statement> m_cache;
};

/// BEGIN IMMEDIATE (takes the write lock up front, so two kiosks never both decide on stale
/// state); rolls back in the destructor unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

} // namespace kiosk::store
