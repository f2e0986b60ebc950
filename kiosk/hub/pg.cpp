#include "kiosk/hub/pg.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <regex>

namespace kiosk::hub {

PgResult::~PgResult() {
    if (m_r) PQclear(m_r);
}
PgResult& PgResult::operator=(PgResult&& o) noexcept {
    if (this != &o) {
        if (m_r) PQclear(m_r);
        m_r = o.m_r;
        o.m_r = nullptr;
    }
    return *this;
}
int PgResult::rows() const {
    return m_r ? PQntuples(m_r) : 0;
}
bool PgResult::isNull(int row, int col) const {
    return PQgetisnull(m_r, row, col) != 0;
}
std::string PgResult::text(int row, int col) const {
    return std::string(PQgetvalue(m_r, row, col), static_cast<size_t>(PQgetlength(m_r, row, col)));
}
std::int64_t PgResult::integer(int row, int col) const {
    return isNull(row, col) ? 0 : std::stoll(text(row, col));
}
int PgResult::affected() const {
    const char* n = m_r ? PQcmdTuples(m_r) : "";
    return *n ? std::atoi(n) : 0;
}

void PgConn::fail(bool unreachable, const std::string& state, const std::string& what) {
    if (unreachable) m_broken = true;
    throw PgError(unreachable, state, what);
}

void PgConn::waitFor(bool write, Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) fail(true, "", "hub timeout");
    pollfd p{PQsocket(m_c), static_cast<short>(write ? POLLOUT : POLLIN), 0};
    const int r = ::poll(&p, 1, static_cast<int>(left));
    if (r == 0) fail(true, "", "hub timeout");
    if (r < 0 && errno != EINTR) fail(true, "", "poll failed");
}

std::unique_ptr<PgConn> PgConn::connect(const std::string& url, std::chrono::milliseconds budget) {
    pg_conn* c = PQconnectStart(url.c_str());
    if (!c) throw PgError(true, "", "out of memory");
    std::unique_ptr<PgConn> conn(new PgConn(c));
    conn->m_budget = budget;
    if (PQstatus(c) == CONNECTION_BAD) conn->fail(true, "", PQerrorMessage(c));
    const auto deadline = Clock::now() + budget;
    for (PostgresPollingStatusType st = PGRES_POLLING_WRITING;;) {
        if (st == PGRES_POLLING_OK) break;
        if (st == PGRES_POLLING_FAILED) conn->fail(true, "", PQerrorMessage(c));
        conn->waitFor(st == PGRES_POLLING_WRITING, deadline);
        st = PQconnectPoll(c);
    }
    PQsetnonblocking(c, 1);
    return conn;
}

PgConn::~PgConn() {
    if (m_c) PQfinish(m_c);
}

PgResult PgConn::finish(Clock::time_point deadline) {
    for (;;) {
        const int f = PQflush(m_c);
        if (f < 0) fail(true, "", PQerrorMessage(m_c));
        if (f == 0) break;
        waitFor(true, deadline);
    }
    PgResult last(nullptr);
    std::string error, state;
    for (;;) {
        while (PQisBusy(m_c)) {
            waitFor(false, deadline);
            if (!PQconsumeInput(m_c)) fail(true, "", PQerrorMessage(m_c));
        }
        pg_result* r = PQgetResult(m_c);
        if (!r) break;
        const auto status = PQresultStatus(r);
        if (status == PGRES_FATAL_ERROR && error.empty()) {
            const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            state = s ? s : "";
            error = PQresultErrorMessage(r);
        }
        last = PgResult(r);
    }
    if (PQstatus(m_c) == CONNECTION_BAD) fail(true, "", PQerrorMessage(m_c));
    if (!error.empty()) fail(state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0, state, error);
    return last;
}

PgResult PgConn::exec(const std::string& sql, const Params& params, Clock::time_point deadline) {
    if (m_broken) throw PgError(true, "", "hub connection lost");
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    if (!PQsendQueryParams(m_c, sql.c_str(), static_cast<int>(values.size()), nullptr,
                           values.data(), nullptr, nullptr, 0))
        fail(true, "", PQerrorMessage(m_c));
    return finish(deadline);
}

void PgConn::script(const std::string& sql) {
    if (m_broken) throw PgError(true, "", "hub connection lost");
    if (!PQsendQuery(m_c, sql.c_str())) fail(true, "", PQerrorMessage(m_c));
    finish(Clock::now() + m_budget);
}

PgTransaction::PgTransaction(PgConn& c, Clock::time_point deadline) : m_c(c) {
    m_c.exec("BEGIN", {}, deadline);
}
PgTransaction::~PgTransaction() {
    if (m_done || m_c.broken()) return;
    try {
        m_c.exec("ROLLBACK", {}, Clock::now() + m_c.budget());
    } catch (...) {
        // A rollback that fails leaves the connection broken; the server rolls back on its own.
    }
}
void PgTransaction::commit(Clock::time_point deadline) {
    m_c.exec("COMMIT", {}, deadline);
    m_done = true;
}

std::string redactUrl(const std::string& url) {
    static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:/@]*):[^@]*@)");
    static const std::regex keyword(R"((password\s*=\s*)('[^']*'|[^\s&]*))");
    return std::regex_replace(std::regex_replace(url, userinfo, "$1:***@"), keyword, "$1***");
}

bool urlHasPassword(const std::string& url) {
    return redactUrl(url) != url;
}

std::string PgConn::scramVerifier(const std::string& password, const std::string& role) {
    // The algorithm is named so libpq does not ask the server (a blocking query).
    char* v = PQencryptPasswordConn(m_c, password.c_str(), role.c_str(), "scram-sha-256");
    if (!v) throw PgError(false, "", PQerrorMessage(m_c));
    std::string out(v);
    PQfreemem(v);
    return out;
}

std::string withCredentials(const std::string& url, const std::string& user,
                            const std::string& password) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        const std::string what = error ? error : "invalid hub URL";
        if (error) PQfreemem(error);
        throw PgError(false, "", what);
    }
    const auto quote = [](const std::string& v) {
        std::string out = "'";
        for (char ch : v) {
            if (ch == '\\' || ch == '\'') out += '\\';
            out += ch;
        }
        return out + "'";
    };
    std::string out;
    for (auto* o = options; o->keyword; ++o) {
        const std::string key = o->keyword;
        if (key == "user" || key == "password" || !o->val) continue;
        out += key + "=" + quote(o->val) + " ";
    }
    PQconninfoFree(options);
    return out + "user=" + quote(user) + " password=" + quote(password);
}

} // namespace kiosk::hub
