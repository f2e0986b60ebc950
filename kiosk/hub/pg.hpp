#pragma once
// RAII over libpq with a time budget on every call: connect is non-blocking and each statement
// is sent asynchronously and waited for with poll(), so an unreachable hub costs at most the
// budget, never libpq's whole-second connect_timeout or a TCP retransmission timeout.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace kiosk::hub {

/// A hub call that failed. unreachable(): the hub did not answer in time or the connection broke
/// (the kiosk goes offline); otherwise the server refused the statement (sqlstate()).
class PgError : public std::runtime_error {
  public:
    PgError(bool unreachable, std::string sqlstate, const std::string& what)
        : std::runtime_error(what), m_unreachable(unreachable), m_sqlstate(std::move(sqlstate)) {}
    bool unreachable() const { return m_unreachable; }
    const std::string& sqlstate() const { return m_sqlstate; }

  private:
    bool m_unreachable;
    std::string m_sqlstate;
};

/// One statement's rows (text format).
class PgResult {
  public:
    explicit PgResult(pg_result* r) : m_r(r) {}
    ~PgResult();
    PgResult(PgResult&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    int rows() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    std::int64_t integer(int row, int col) const;
    bool boolean(int row, int col) const { return text(row, col) == "t"; }
    /// Rows touched by an INSERT/UPDATE.
    int affected() const;

  private:
    pg_result* m_r;
};

using Param = std::optional<std::string>;
using Params = std::vector<Param>;
using Clock = std::chrono::steady_clock;

class PgConn {
  public:
    /// Connects within budget; throws PgError (unreachable) on timeout or refusal.
    static std::unique_ptr<PgConn> connect(const std::string& url,
                                           std::chrono::milliseconds budget);
    ~PgConn();
    PgConn(const PgConn&) = delete;
    PgConn& operator=(const PgConn&) = delete;

    /// Runs one parameterised statement, waiting at most until deadline.
    PgResult exec(const std::string& sql, const Params& params, Clock::time_point deadline);
    PgResult exec(const std::string& sql, const Params& params = {}) {
        return exec(sql, params, Clock::now() + m_budget);
    }
    /// Runs a multi-statement script with no parameters (migrations).
    void script(const std::string& sql);
    /// After a failure the connection is not reused.
    bool broken() const { return m_broken; }
    void setBudget(std::chrono::milliseconds budget) { m_budget = budget; }
    /// The SCRAM-SHA-256 verifier of a role's password, computed here: the clear text never
    /// reaches the server (nor its statement log).
    std::string scramVerifier(const std::string& password, const std::string& role);
    std::chrono::milliseconds budget() const { return m_budget; }

  private:
    explicit PgConn(pg_conn* c) : m_c(c) {}
    void waitFor(bool write, Clock::time_point deadline);
    PgResult finish(Clock::time_point deadline);
    [[noreturn]] void fail(bool unreachable, const std::string& state, const std::string& what);
    pg_conn* m_c;
    bool m_broken = false;
    std::chrono::milliseconds m_budget{300};
};

/// The URL with any password removed (for status output and logs).
std::string redactUrl(const std::string& url);
/// Whether the URL carries a password (user:pw@ or password=).
bool urlHasPassword(const std::string& url);
/// The same connection parameters (a URL or key=value string) as a key=value string, connecting
/// as user with password (sslmode and every other parameter kept). Throws PgError when the URL
/// does not parse.
std::string withCredentials(const std::string& url, const std::string& user,
                            const std::string& password);

/// A transaction on the hub: rolls back in its destructor unless committed (or the link broke).
class PgTransaction {
  public:
    PgTransaction(PgConn& c, Clock::time_point deadline);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit(Clock::time_point deadline);

  private:
    PgConn& m_c;
    bool m_done = false;
};

} // namespace kiosk::hub
