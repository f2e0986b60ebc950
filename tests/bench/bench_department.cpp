// The department's consolidation at scale: 200 units x 500 delegates on one hub (100 000
// replicated delegates, ~70 000 entry check-ins, each unit's summary), consolidated into the PDF
// and the XLSX, beside the hub's attendance SQL alone in the same run. Goal: < 5 s each.
#include <filesystem>

#include "../hub/pg_cluster.hpp"
#include "bench.hpp"
#include "kiosk/hub/department_hub.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/services/department_hub.hpp"

namespace kiosk::bench {
namespace {

constexpr int kUnits = 200, kDelegates = 500, kRuns = 5;

/// Fills the hub with generate_series: the shape the fleet's push and publish leave behind.
void fill(hub::PgConn& c) {
    const auto d = hub::Clock::now() + std::chrono::minutes(5);
    const std::string u = std::to_string(kUnits), n = std::to_string(kDelegates);
    c.exec("INSERT INTO kiosk_hub.dept_units(code, name, district, contact, pos) SELECT 'U' || i, 'Đơn vị số ' || i, "
           "'Huyện ' || (i % 10), 'Liên hệ ' || i, i FROM generate_series(1, " + u + " + 5) i", {}, d);
    c.exec("INSERT INTO kiosk_hub.events(code, name, unit, date, venue, organizer) SELECT 'ev-' || i, 'Ngày hội', "
           "'Đơn vị số ' || i, to_char(date '2023-07-01' + (i % 45), 'YYYY-MM-DD'), 'Hội trường ' || i, 'publish' "
           "FROM generate_series(1, " + u + ") i", {}, d);
    c.exec("INSERT INTO kiosk_hub.reference(event_id, kind, key, seq, origin, revoked, body) SELECT e.id, 'delegates', "
           "'D' || j, nextval('kiosk_hub.records_seq_seq'), 'publish', j % 97 = 0, jsonb_build_object('code', 'D' || j, "
           "'name', 'Đại biểu ' || j, 'category_id', (ARRAY['lanh-dao-so','cong-an','khach-moi','can-bo'])[1 + j % 4]) "
           "FROM kiosk_hub.events e, generate_series(1, " + n + ") j", {}, d);
    c.exec("INSERT INTO kiosk_hub.records(event_id, uuid, kind, kiosk, origin, at, body) SELECT e.id, gen_random_uuid(), "
           "'checkin', 'Cổng 1', 'publish', 1690848000000 + j, jsonb_build_object('delegate_code', 'D' || j, 'list_id', 'le', "
           "'direction', 'entry') FROM kiosk_hub.events e, generate_series(1, " + n + ") j WHERE (j + e.id) % 10 < 7", {}, d);
    c.exec("INSERT INTO kiosk_hub.dept_groups(event_id, category_id, group_name, pos) SELECT e.id, g.c, g.n, g.p FROM "
           "kiosk_hub.events e, (VALUES ('lanh-dao-so', 'Lãnh đạo Sở Y tế', 1), ('cong-an', 'Đại biểu địa phương', 2), "
           "('khach-moi', 'Khách mời', 3), ('can-bo', 'Cán bộ, viên chức, người lao động', 4)) g(c, n, p)", {}, d);
    c.exec("INSERT INTO kiosk_hub.dept_summaries(event_id, unit_code, unit_name, ceremony_items, ceremony_done, awards, "
           "awards_handed, report_number, report_date, report_received_at, digest, first_published_at, updated_at) "
           "SELECT id, 'U' || id, unit, 10, 10 - (id % 3 = 0)::int, 8, 6, id || '/BC', '2023-08-08', "
           "1691452800000 + (id % 5) * 86400000, '', 0, 0 FROM kiosk_hub.events", {}, d);
    c.exec("INSERT INTO kiosk_hub.dept_lines(event_id, kind, pos, text) SELECT id, 'skipped', 1, 'Ra mắt mô hình' "
           "FROM kiosk_hub.events WHERE id % 3 = 0", {}, d);
    c.exec("INSERT INTO kiosk_hub.dept_lines(event_id, kind, pos, text) SELECT id, 'contest', 1, 'Chạy tiếp sức 4 × 100 m' "
           "FROM kiosk_hub.events", {}, d);
    c.exec("INSERT INTO kiosk_hub.dept_lines(event_id, kind, pos, parent, text) SELECT id, 'winner', p, 1, "
           "(ARRAY['Giải Nhất: ', 'Giải Nhì: ', 'Giải Ba: '])[p] || 'Đội ' || (id * p % 17) FROM kiosk_hub.events, "
           "generate_series(1, 3) p", {}, d);
    c.exec("ANALYZE", {}, d);
}

void run(Report& rep) {
    test::PgCluster pg;
    auto c = hub::PgConn::connect(pg.url(), std::chrono::seconds(10));
    c->setBudget(std::chrono::minutes(5));
    hub::migrateHub(*c);
    fill(*c);
    std::string error;
    const auto settings = services::loadDepartmentSettings(services::defaultDepartmentConfig(), &error);
    if (!settings) throw std::runtime_error(error);
    services::DepartmentReportOptions o;
    o.date = "2023-08-15";
    char tmpl[] = "/tmp/kiosk-bench-dept-XXXXXX";
    const std::string dir = ::mkdtemp(tmpl);
    std::vector<double> sql, pdf, xlsx;
    std::size_t rows = 0;
    for (int i = 0; i < kRuns; ++i) {
        auto t = std::chrono::steady_clock::now();
        rows = hub::attendanceByGroup(*c).size();
        sql.push_back(msSince(t));
        t = std::chrono::steady_clock::now();
        auto data = services::consolidatedReport(pg.url(), *settings, o);
        if (!paper::writeDepartmentPdf(data, dir + "/d.pdf").ok()) throw std::runtime_error("pdf");
        pdf.push_back(msSince(t));
        t = std::chrono::steady_clock::now();
        data = services::consolidatedReport(pg.url(), *settings, o);
        if (!services::writeDepartmentXlsx(data, dir + "/d.xlsx").ok()) throw std::runtime_error("xlsx");
        xlsx.push_back(msSince(t));
    }
    std::filesystem::remove_all(dir);
    if (rows != static_cast<std::size_t>(kUnits) * 4) throw std::runtime_error("attendance rows: " + std::to_string(rows));
    const double s = quantile(sql, 0.5);
    rep.add({"department", "consolidated PDF, 200 units x 500 delegates (hub read + consolidate + write), median of 5",
             fmt("%.0f ms", quantile(pdf, 0.5)), fmt("%.0f ms (hub attendance SQL alone)", s),
             fmt("ratio %.1f; goal < 5 s", quantile(pdf, 0.5) / s)});
    rep.add({"department", "consolidated XLSX, same hub, median of 5", fmt("%.0f ms", quantile(xlsx, 0.5)),
             fmt("%.0f ms (hub attendance SQL alone)", s), fmt("ratio %.1f; goal < 5 s", quantile(xlsx, 0.5) / s)});
}

Register reg("department", run);

} // namespace
} // namespace kiosk::bench
