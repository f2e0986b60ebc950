#pragma once
// The department's consolidated report (Nghị định 30/2020 layout): the issuing body's header,
// the plan it answers, overall figures, the chart of units by date held, the table of units,
// delegates per group, festival results, early units, units missing or late, "Nơi nhận" and
// the signature. Plain data in; services/department_report fills it.
#include <string>
#include <vector>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/paper/admin_doc.hpp"
#include "kiosk/paper/chart.hpp"
#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// Everything the consolidated report shows.
struct DepartmentReportData {
    AdminHeader header;   ///< SỞ Y TẾ BẮC GIANG, Số .../BC-SYT, Bắc Giang, date
    std::string title;    ///< "BÁO CÁO"
    std::string subtitle; ///< "Tổng hợp kết quả tổ chức ..."
    std::string plan;     ///< "Kế hoạch số 83/KH-SYT ngày 22/5/2023 của Sở Y tế"
    std::string unitName; ///< "Sở Y tế" as a sentence names the issuer
    core::Consolidation result;
    std::vector<std::string> recipients;
    std::vector<std::string> signerLines;
    std::string signerName;
};

/// "04/8/2023": a date in the body of an administrative text (day under 10 and months 1-2 padded).
std::string shortDate(const std::string& isoDate);

/// Units per date held, stacked by report status (on time, late, none).
BarChart unitsByDateChart(const core::Consolidation& result);

/// Writes the report as an A4 PDF.
PaperStatus writeDepartmentPdf(const DepartmentReportData& data, const std::string& path);

} // namespace kiosk::paper
