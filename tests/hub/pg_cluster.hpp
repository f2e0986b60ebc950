#pragma once
// A throwaway PostgreSQL 15 cluster for one test: initdb into a temp dir owned by an unprivileged
// user (PostgreSQL refuses root), a free port on 127.0.0.1, the unix socket in the temp dir,
// password authentication over TCP. Stopped and removed at scope exit. Plus a loopback TCP proxy
// (socat) that a test stops and restarts to cut one kiosk off.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace kiosk::test {

inline int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

/// Runs a shell command; throws with its output when it fails.
inline void sh(const std::string& cmd) {
    if (std::system((cmd + " > /tmp/kiosk-hub-sh.log 2>&1").c_str()) != 0) {
        std::ifstream in("/tmp/kiosk-hub-sh.log");
        throw std::runtime_error("failed: " + cmd + "\n" +
                                 std::string(std::istreambuf_iterator<char>(in), {}));
    }
}

class PgCluster {
  public:
    static constexpr const char* kBin = "/usr/lib/postgresql/15/bin";
    static constexpr const char* kPassword = "s3cret-hub";

    PgCluster() : m_port(freePort()) {
        char tmpl[] = "/tmp/kiosk-pg-XXXXXX";
        m_dir = ::mkdtemp(tmpl);
        m_user = ::getuid() == 0 ? "runuser -u nobody -- " : "";
        std::ofstream(m_dir + "/pw") << kPassword << "\n";
        if (::getuid() == 0) sh("chown -R nobody " + m_dir);
        sh(m_user + kBin + "/initdb -D " + m_dir + "/data -U kiosk --pwfile=" + m_dir +
           "/pw --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8");
        start();
    }
    ~PgCluster() {
        std::system(
            (m_user + kBin + "/pg_ctl -D " + m_dir + "/data -m immediate stop > /dev/null 2>&1")
                .c_str());
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    void start() {
        sh(m_user + kBin + "/pg_ctl -D " + m_dir + "/data -l " + m_dir + "/log -w -t 60 -o \"-p " +
           std::to_string(m_port) + " -k " + m_dir + " -c listen_addresses=127.0.0.1\" start");
    }
    /// Kills the server the hard way (no shutdown checkpoint, connections cut).
    void stopImmediate() {
        sh(m_user + kBin + "/pg_ctl -D " + m_dir + "/data -m immediate -w stop");
    }
    int port() const { return m_port; }
    /// The cluster's folder (data/ holds postmaster.pid: the benchmark reads the server's CPU).
    const std::string& dir() const { return m_dir; }
    /// The URL with the password (for $KIOSK_HUB_URL) or without it (password from $PGPASSWORD).
    std::string url(bool withPassword = true, int port = 0) const {
        return std::string("postgresql://kiosk") +
               (withPassword ? std::string(":") + kPassword : "") +
               "@127.0.0.1:" + std::to_string(port ? port : m_port) + "/postgres?sslmode=disable";
    }
    /// Runs SQL as the superuser through psql on the unix socket; returns the first column's text.
    std::string psql(const std::string& sql) const {
        const std::string out = m_dir + "/psql.out";
        sh(m_user + kBin + "/psql -X -A -t -h " + m_dir + " -p " + std::to_string(m_port) +
           " -U kiosk -d postgres -c \"" + sql + "\" -o " + out);
        std::ifstream in(out);
        std::string s(std::istreambuf_iterator<char>(in), {});
        while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
            s.pop_back();
        return s;
    }

  private:
    int m_port;
    std::string m_dir, m_user;
};

/// socat on 127.0.0.1:port() forwarding to the hub; stop() cuts every connection through it.
class TcpProxy {
  public:
    explicit TcpProxy(int target) : m_target(target), m_port(freePort()) { start(); }
    ~TcpProxy() { stop(); }
    void start() {
        m_pid = ::fork();
        if (m_pid == 0) {
            ::setsid();
            const std::string listen =
                "TCP-LISTEN:" + std::to_string(m_port) + ",bind=127.0.0.1,reuseaddr,fork";
            const std::string to = "TCP:127.0.0.1:" + std::to_string(m_target);
            ::execlp("socat", "socat", listen.c_str(), to.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Ready when it accepts a connection.
        for (int i = 0; i < 500; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons(static_cast<uint16_t>(m_port));
            const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
            ::close(fd);
            if (ok) return;
            std::this_thread::sleep_for(
                std::chrono::milliseconds(10)); // polling for readiness, not synchronising
        }
        throw std::runtime_error("socat did not start");
    }
    void stop() {
        if (m_pid <= 0) return;
        ::kill(-m_pid, SIGKILL); // the listener and every forked connection
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    int port() const { return m_port; }

  private:
    int m_target, m_port;
    pid_t m_pid = -1;
};

} // namespace kiosk::test
