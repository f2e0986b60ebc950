// Exports and the report on a big day: 100k delegates with 100k check-ins exported to CSV and
// XLSX, and the report PDF for 10k delegates. Peers run in the same process on the same file:
// the sqlite3 shell's own CSV export of the same rows, a direct libxlsxwriter loop, and the
// report's SQL alone.
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/paper/pdf_report.hpp"
#include "kiosk/paper/xlsx.hpp"
#include "kiosk/services/attendance_export.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/report_builder.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "tests/bench/bench.hpp"

namespace {

using namespace kiosk;
namespace fs = std::filesystem;

constexpr int kRepeats = 5;

// The attendance sheet's rows in plain SQL: what a person would type into the sqlite3 shell.
constexpr const char* kAttendanceSql =
    "SELECT d.code, d.name, d.title, d.unit, c.name, d.seat, "
    "datetime(min(CASE WHEN k.list_id='le' AND k.direction='entry' THEN k.at END)/1000, 'unixepoch', '+7 hours'), "
    "datetime(max(CASE WHEN k.list_id='le' AND k.direction='exit' THEN k.at END)/1000, 'unixepoch', '+7 hours'), "
    "sum(k.list_id='le' AND k.direction='entry'), "
    "datetime(min(CASE WHEN k.list_id='hoi' AND k.direction='entry' THEN k.at END)/1000, 'unixepoch', '+7 hours'), "
    "datetime(max(CASE WHEN k.list_id='hoi' AND k.direction='exit' THEN k.at END)/1000, 'unixepoch', '+7 hours'), "
    "sum(k.list_id='hoi' AND k.direction='entry') "
    "FROM delegates d JOIN categories c ON c.id = d.category_id LEFT JOIN checkins k ON k.delegate_id = d.id "
    "GROUP BY d.id ORDER BY d.rank, d.name, d.id";

struct BigDay {
    fs::path dir;
    std::string db;
    std::unique_ptr<services::Session> session;

    BigDay(int delegates, const std::string& name) {
        dir = fs::temp_directory_path() / ("kiosk-bench-export-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = (dir / "e.db").string();
        services::InitOptions o;
        o.packDir = core::dataDir() + "/ngay-hoi-antq-2023";
        o.dbPath = db;
        o.force = true;
        if (!services::initEvent(o).ok) throw std::runtime_error("init failed");
        session = services::Session::open(db);
        fill(delegates);
    }
    ~BigDay() {
        session.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    void fill(int n) {
        auto& d = session->db();
        const auto& cats = session->categories();
        const core::Millis opens = *core::parseIso8601("2023-08-04T07:00:00+07:00", 420);
        store::Transaction tx(d);
        for (int i = 0; i < n; ++i) {
            core::Delegate x;
            char code[16];
            std::snprintf(code, sizeof code, "B%06d", i);
            x.code = code;
            x.name = std::string(i % 3 ? "Nguyễn Thị " : "Trần Văn ") + "Đại biểu " + std::to_string(i);
            x.title = "Chuyên viên";
            x.unit = "Trung tâm Y tế huyện số " + std::to_string(i % 10);
            x.categoryId = cats[static_cast<size_t>(i) % cats.size()].id;
            x.rank = 100 + i % 50;
            store::upsertDelegate(d, x, opens);
        }
        // One entry (and its scan) per delegate, ceremony or festival, spread over two and a half
        // hours; every tenth one leaves again, every tenth scan is refused.
        auto st = d.prepare("SELECT id, category_id FROM delegates WHERE code LIKE 'B%'");
        int i = 0;
        while (st.step()) {
            store::CheckinRecord c;
            c.uuid = core::newUuid();
            c.delegateId = st.getInt(0);
            c.listId = i % 4 == 0 ? "hoi" : "le";
            c.direction = "entry";
            c.at = opens + (i * 7919LL % 150) * 60'000;
            c.kiosk = "Cổng " + std::to_string(i % 3 + 1);
            store::insertCheckin(d, c);
            store::ScanRecord sc;
            sc.uuid = c.uuid;
            sc.at = c.at;
            sc.kiosk = c.kiosk;
            sc.listId = c.listId;
            sc.direction = "entry";
            sc.text = "ANTQ23-B" + std::to_string(i) + "-1-ABCDEFGHIJKLMNOP";
            sc.status = "accepted";
            sc.reason = "ok";
            sc.delegateId = c.delegateId;
            sc.source = "camera";
            store::insertScan(d, sc);
            if (i % 10 == 5) { // a refused scan now and then: a photocopied badge of another event
                sc.uuid = core::newUuid();
                sc.text = "OTHER-EVENT-" + std::to_string(i);
                sc.status = "refused";
                sc.reason = "wrong_event";
                sc.delegateId.reset();
                store::insertScan(d, sc);
            }
            if (i % 10 == 0) {
                c.uuid = core::newUuid();
                c.direction = "exit";
                c.at += 3'600'000;
                store::insertCheckin(d, c);
            }
            ++i;
        }
        tx.commit();
    }
};

// Wall and CPU milliseconds of repeated runs. CPU counts this process and its children (the
// sqlite3 shell), so a loaded machine shows in wall time but hardly in CPU time.
struct Timing {
    std::vector<double> wall, cpu;
};

double cpuMs() {
    rusage self{}, kids{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids);
    auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
    return ms(self.ru_utime) + ms(self.ru_stime) + ms(kids.ru_utime) + ms(kids.ru_stime);
}

template <class F> Timing timeIt(F&& f) {
    Timing t;
    for (int r = 0; r < kRepeats; ++r) {
        const double c0 = cpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        f();
        t.wall.push_back(bench::msSince(t0));
        t.cpu.push_back(cpuMs() - c0);
    }
    return t;
}

double median(std::vector<double> v) { return bench::quantile(v, 0.5); }

std::string stats(Timing t) {
    return bench::fmt("median %.0f ms", median(t.wall)) + bench::fmt(", p99 %.0f ms", bench::quantile(t.wall, 0.99)) +
           bench::fmt(" (CPU %.0f ms)", median(t.cpu));
}

std::string ratio(const Timing& ours, const Timing& peer) {
    return bench::fmt("ratio %.2f× wall", median(ours.wall) / median(peer.wall)) +
           bench::fmt(", %.2f× CPU", median(ours.cpu) / median(peer.cpu));
}

// Peer: the libxlsxwriter loop a person would write for the same rows, default settings.
void rawXlsx(services::Session& s, const std::string& path) {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "attendance");
    auto st = s.db().prepare(kAttendanceSql);
    lxw_row_t row = 0;
    while (st.step()) {
        for (int c = 0; c < st.columnCount(); ++c) {
            if (c == 8 || c == 11) worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), static_cast<double>(st.getInt(c)), nullptr);
            else worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), st.getText(c).c_str(), nullptr);
        }
        ++row;
    }
    workbook_close(wb);
}

static bench::Register attendance("export", [](bench::Report& rep) {
    core::setLanguage("vi");
    BigDay day(100'000, "100k");
    services::AttendanceExportOptions o;
    o.sheets = {services::AttendanceSheet::Attendance};
    const std::string csv = (day.dir / "a.csv").string(), xlsx = (day.dir / "a.xlsx").string();
    std::int64_t rows = 0;

    const auto oursCsv = timeIt([&] {
        paper::CsvOptions c;
        auto sink = services::openTableSink("csv", csv, c);
        rows = services::exportAttendance(*day.session, *sink, o).rows;
    });
    const std::string peerCsvPath = (day.dir / "peer.csv").string();
    const std::string cmd = "sqlite3 -csv -header " + day.db + " \"" + kAttendanceSql + "\" > " + peerCsvPath;
    const auto peerCsv = timeIt([&] {
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("sqlite3 shell failed");
    });
    rep.add({"export", "attendance 100k rows → CSV (" + std::to_string(rows) + " rows, goal < 1 s)", stats(oursCsv),
             "sqlite3 -csv shell, same rows: " + stats(peerCsv),
             ratio(oursCsv, peerCsv)});

    const auto oursXlsx = timeIt([&] {
        paper::CsvOptions c;
        auto sink = services::openTableSink("xlsx", xlsx, c, true);
        rows = services::exportAttendance(*day.session, *sink, o).rows;
    });
    const std::string rawPath = (day.dir / "raw.xlsx").string();
    const auto peerXlsx = timeIt([&] { rawXlsx(*day.session, rawPath); });
    rep.add({"export", "attendance 100k rows → XLSX (goal < 5 s)", stats(oursXlsx),
             "direct libxlsxwriter loop, same rows: " + stats(peerXlsx),
             ratio(oursXlsx, peerXlsx)});

    services::AttendanceExportOptions all;
    const auto oursAll = timeIt([&] {
        paper::CsvOptions c;
        auto sink = services::openTableSink("xlsx", xlsx, c, true);
        (void)services::exportAttendance(*day.session, *sink, all);
    });
    rep.add({"export", "attendance + summary + 110k-row scan log → XLSX (3 sheets)", stats(oursAll), "", "all sheets of `kiosk export attendance --format xlsx`"});
});

static bench::Register report("report", [](bench::Report& rep) {
    core::setLanguage("vi");
    BigDay day(10'000, "10k");
    const std::string pdf = (day.dir / "r.pdf").string();
    const core::Millis at = *core::parseIso8601("2023-08-04T17:00:00+07:00", 420);
    int pages = 0;
    const auto ours = timeIt([&] {
        const auto data = services::buildReport(*day.session, {}, at);
        pages = paper::writeReportPdf(data, pdf).pages;
    });
    const auto sqlOnly = timeIt([&] {
        (void)store::attendanceCounts(day.session->db());
        (void)services::arrivalsChart(*day.session, 15 * 60'000);
    });
    rep.add({"report", "report PDF, 10k delegates (" + std::to_string(pages) + " pages, goal < 3 s)", stats(ours),
             "its SQL alone (attendance counts + arrivals): " + stats(sqlOnly),
             bench::fmt("the SQL is %.0f%% of the CPU time", 100.0 * median(sqlOnly.cpu) / median(ours.cpu))});
});

} // namespace
