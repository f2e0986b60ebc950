// The console's "Chương trình" tab: organizers edit the ceremony program before and during the
// day. Left, the program in order with its planned and actual/projected times and each item's
// status; buttons move an item up or down, skip it or bring it back. Right, the selected item's
// form: title, minutes, warning and danger thresholds, optional, speaker, kind and the MC's
// script, checked live by core::checkProgramItem and saved in one transaction. Above, the
// planned start time; below, export and import of the program as CSV. Every change goes through
// services::ProgramRunner on the console's own connection, so the MC and stage screens see it
// within their next poll.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <functional>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/failure.hpp"
#include "kiosk/ui/ceremony_view_base.hpp"
#include "kiosk/ui/console_view.hpp"
#include "kiosk/ui/services_backend.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

const char* const kKinds[] = {"", "intro", "awards"};

std::string kindLabel(const std::string& kind) {
    return core::tr("ceremony.edit.kind." + (kind.empty() ? std::string("plain") : kind));
}

std::string statusLabel(core::ItemStatus status) {
    return core::tr("ceremony.status." + std::string(core::itemStatusName(status)));
}

class ProgramEditor final : public CeremonyViewBase {
public:
    void draw(ViewContext& ctx) override {
        const services::CeremonyModel* m = model(ctx);
        if (!m) {
            ImGui::TextColored(ImColor(color::kGold), "%s", error().c_str());
            return;
        }
        m_items = static_cast<int>(m->items.size());
        followStore(*m);
        drawHeader(ctx, *m);
        ImGui::Separator();
        const float formW = std::max(360 * ctx.scale, ImGui::GetContentRegionAvail().x * 0.42f);
        const float listW = ImGui::GetContentRegionAvail().x - formW - ImGui::GetStyle().ItemSpacing.x;
        const float h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.2f;
        ImGui::BeginChild("##program_list", ImVec2(listW, h), false);
        drawList(ctx, *m);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##program_form", ImVec2(0, h), false);
        drawForm(ctx, *m);
        ImGui::EndChild();
        drawFiles(ctx);
        console::actionMessage(m_result);
        for (const auto& e : m_importErrors) ImGui::TextColored(ImColor(255, 140, 130), "%s", e.c_str());
        if (!error().empty()) ImGui::TextColored(ImColor(color::kGold), "%s", error().c_str());
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("program_items", m_items).field("program_selected", m_selected);
        json.field("program_dirty", m_draft != m_base).field("program_conflict", m_conflict);
        std::string problems;
        for (const auto& p : m_problems) problems += (problems.empty() ? "" : "; ") + p.field + ": " + p.message;
        json.field("program_problems", problems);
        json.field("program_result_ok", m_result.ok).field("program_result", m_result.message);
        json.field("program_error", error()).field("program_start", m_start);
    }

private:
    // Keeps the form on what the database holds: the selected item follows other screens' edits
    // while it is not being edited here, and a conflict is flagged when it is.
    void followStore(const services::CeremonyModel& m) {
        if (m_selected.empty() && !m.items.empty()) select(m.items.front());
        const core::ProgramItem* stored = find(m, m_selected);
        if (!stored) {
            m_selected.clear(); // removed by an import elsewhere
            return;
        }
        core::ProgramItem theirs = *stored;
        theirs.order = m_base.order; // moving an item is not an edit of it
        if (theirs == m_base) {
            m_conflict = false;
        } else if (m_draft == m_base) {
            select(*stored);
        } else {
            m_conflict = !(theirs == m_draft);
        }
        m_problems = core::checkProgramItem(m_draft);
    }

    static const core::ProgramItem* find(const services::CeremonyModel& m, const std::string& id) {
        auto it = std::find_if(m.items.begin(), m.items.end(), [&](const auto& i) { return i.id == id; });
        return it == m.items.end() ? nullptr : &*it;
    }

    void select(const core::ProgramItem& item) {
        m_selected = item.id;
        m_base = m_draft = item;
        m_conflict = false;
    }

    /// Runs an edit; a database failure replaces the last answer, so an old "saved" never stays
    /// on screen over an edit that did not happen.
    template <class F> void attempt(F&& f) {
        m_result = {};
        try {
            f();
        } catch (const services::DbError& e) {
            m_result = {false, core::trf("ceremony.edit.failed", {{"error", services::describeDbError(e)}}), {}};
        } catch (const std::exception& e) {
            m_result = {false, core::trf("ceremony.edit.failed", {{"error", e.what()}}), {}};
        }
    }

    void drawHeader(ViewContext& ctx, const services::CeremonyModel& m) {
        const int offset = m.hasEvent ? m.event.utcOffsetMin : 420;
        // The field follows the stored start (another console, the CLI) unless something else is typed in it.
        const std::string stored = m.show.plannedStart ? core::formatClock(m.show.plannedStart, offset) : std::string();
        if (m_start == m_startStored) m_start = stored;
        m_startStored = stored;
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(core::tr("ceremony.edit.start_time").c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * ctx.scale);
        ImGui::InputTextWithHint("##prog_start", "08:00", &m_start);
        recordHotspot(ctx, "prog_start");
        ImGui::SameLine();
        if (bigButton(ctx, "prog_start_save", core::tr("ceremony.edit.save_start"))) {
            attempt([&] {
                if (runner()->setPlannedStart(m_start))
                    m_result = {true, core::trf("ceremony.edit.start_saved", {{"time", m_start}}), {}};
                else
                    m_result = {false, core::trf("ceremony.file.bad_time", {{"value", m_start}}), {}};
            });
        }
        ImGui::SameLine();
        int minutes = 0, count = 0;
        for (std::size_t i = 0; i < m.items.size(); ++i)
            if (m.show.timeline[i].inPlan && m.show.timeline[i].status != core::ItemStatus::Skipped)
                minutes += m.items[i].plannedMin, ++count;
        const std::string summary = core::trf(
            "ceremony.edit.summary",
            {{"n", std::to_string(count)},
             {"min", std::to_string(minutes)},
             {"start",
              m.show.plannedStart ? core::formatClock(m.show.plannedStart, offset) : "--:--"},
             {"end", m.show.plannedEnd ? core::formatClock(m.show.plannedEnd, offset) : "--:--"},
             {"projected", m.show.projectedEnd && m.show.projectionPlausible
                               ? core::formatClock(m.show.projectedEnd, offset)
                               : "--:--"}});
        ImGui::TextColored(ImColor(color::kMuted), "%s", summary.c_str());
        if (m.show.state != core::ShowState::NotStarted)
            ImGui::TextColored(ImColor(color::kGold), "%s", core::tr("ceremony.edit.running_note").c_str());
    }

    void drawList(ViewContext& ctx, const services::CeremonyModel& m) {
        const int offset = m.hasEvent ? m.event.utcOffsetMin : 420;
        // The table takes what its rows need (all but a few lines); the selected item's script
        // fills the rest.
        const float rowH = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2; // rows of SmallButtons
        const float avail = ImGui::GetContentRegionAvail().y;
        // Rows grow when a title wraps: the last frame's measured height counts once there is one.
        const float wanted =
            m_rowsHeight > 0 ? m_rowsHeight : rowH * (static_cast<float>(m.items.size()) + 1);
        const float tableH =
            std::min(wanted + rowH, avail - 4 * ImGui::GetTextLineHeightWithSpacing());
        if (!ImGui::BeginTable("##prog", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                               ImVec2(0, tableH)))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(core::tr("ceremony.edit.col.planned").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("ceremony.edit.col.actual").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("ceremony.edit.col.title").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(core::tr("ceremony.edit.col.minutes").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("ceremony.edit.col.status").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        const std::string up = core::tr("ceremony.edit.up"), down = core::tr("ceremony.edit.down");
        std::function<void()> pending;
        for (std::size_t i = 0; i < m.items.size(); ++i) {
            const core::ProgramItem& item = m.items[i];
            const core::ItemTiming& t = m.show.timeline[i];
            ImGui::PushID(item.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool skipped = t.status == core::ItemStatus::Skipped;
            ImGui::TextColored(ImColor(skipped ? color::kMuted : color::kText), "%s",
                               t.inPlan && t.plannedStart ? core::formatClock(t.plannedStart, offset).c_str() : "--:--");
            ImGui::TableNextColumn();
            const auto at = core::shownStart(t);
            ImGui::TextColored(
                ImColor(t.status != core::ItemStatus::Pending ? color::kText : color::kMuted), "%s",
                at ? core::formatClock(*at, offset).c_str() : "");
            ImGui::TableNextColumn();
            // "(nếu có)" once: the pack's titles often say it already.
            const std::string mark = core::tr("ceremony.mc.optional");
            const bool saysIt = core::fold(item.title).find(core::fold(mark)) != std::string::npos;
            const std::string label = item.title + (item.optional && !saysIt ? "  (" + mark + ")" : "");
            // A long title wraps in its column (the row grows) instead of being cut at the edge.
            const ImVec2 cell = ImGui::GetCursorScreenPos();
            const float wrapW = ImGui::GetContentRegionAvail().x;
            const float titleH = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrapW).y;
            if (ImGui::Selectable("##title", item.id == m_selected,
                                  ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, titleH))) {
                if (item.id != m_selected) select(item);
            }
            recordHotspot(ctx, ("prog_row_" + item.id).c_str());
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), cell,
                                                ImGui::GetColorU32(ImGuiCol_Text), label.c_str(),
                                                nullptr, wrapW);
            ImGui::TableNextColumn();
            ImGui::Text("%d", item.plannedMin);
            ImGui::TableNextColumn();
            const ImU32 c = t.status == core::ItemStatus::Current ? color::kGold
                            : t.status == core::ItemStatus::Pending ? color::kText
                                                                     : color::kMuted;
            ImGui::TextColored(ImColor(c), "%s", statusLabel(t.status).c_str());
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(i == 0);
            if (ImGui::SmallButton(up.c_str())) pending = [this, &ctx, item] { move(ctx, item, -1); };
            recordHotspot(ctx, ("prog_up_" + item.id).c_str());
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(i + 1 == m.items.size());
            if (ImGui::SmallButton(down.c_str())) pending = [this, &ctx, item] { move(ctx, item, +1); };
            recordHotspot(ctx, ("prog_down_" + item.id).c_str());
            ImGui::EndDisabled();
            ImGui::SameLine();
            // Only an item still to come can be skipped from here: the current one is the MC's to end.
            if (skipped) {
                if (ImGui::SmallButton(core::tr("ceremony.edit.restore").c_str())) pending = [this, item] { step(core::ActionType::Restore, item); };
            } else {
                ImGui::BeginDisabled(t.status != core::ItemStatus::Pending);
                if (ImGui::SmallButton(core::tr("ceremony.edit.skip").c_str())) pending = [this, item] { step(core::ActionType::Skip, item); };
                ImGui::EndDisabled();
            }
            recordHotspot(ctx, ("prog_skip_" + item.id).c_str());
            ImGui::PopID();
        }
        m_rowsHeight = ImGui::GetCursorPosY();
        ImGui::EndTable();
        // After the table: an edit reloads the model the rows were drawn from.
        if (pending) pending();
        if (m_selected.empty() || ImGui::GetContentRegionAvail().y < ImGui::GetTextLineHeightWithSpacing() * 3) return;
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(core::tr("ceremony.edit.script_preview").c_str());
        ImGui::PopFont();
        ImGui::BeginChild("##prog_script_preview", ImVec2(0, 0), true);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(color::kMuted), "%s", m_draft.script.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
    }

    void drawForm(ViewContext& ctx, const services::CeremonyModel& m) {
        if (m_selected.empty()) {
            ImGui::TextWrapped("%s", core::tr("ceremony.edit.pick").c_str());
            return;
        }
        core::ProgramItem& d = m_draft;
        const float w = ImGui::GetContentRegionAvail().x;
        auto label = [&](const char* key) {
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted(core::tr(key).c_str());
            ImGui::PopFont();
        };
        label("ceremony.edit.field.title");
        ImGui::SetNextItemWidth(w);
        ImGui::InputText("##prog_title", &d.title);
        recordHotspot(ctx, "prog_title");
        const float third = (w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
        auto number = [&](const char* key, const char* name, int* value, int step, bool last) {
            ImGui::BeginGroup();
            // The label wraps within its third: a wider label would push the next field off a
            // 1024-pixel screen.
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + third);
            label(key);
            ImGui::PopTextWrapPos();
            ImGui::SetNextItemWidth(third);
            ImGui::InputInt((std::string("##") + name).c_str(), value, step, step * 6);
            recordHotspot(ctx, name);
            ImGui::EndGroup();
            if (!last) ImGui::SameLine();
        };
        number("ceremony.edit.field.minutes", "prog_minutes", &d.plannedMin, 1, false);
        number("ceremony.edit.field.warn", "prog_warn", &d.warnSec, 5, false);
        number("ceremony.edit.field.danger", "prog_danger", &d.dangerSec, 5, true);
        const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::BeginGroup();
        label("ceremony.edit.field.speaker");
        ImGui::SetNextItemWidth(half);
        ImGui::InputText("##prog_speaker", &d.speaker);
        recordHotspot(ctx, "prog_speaker");
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        label("ceremony.edit.field.kind");
        ImGui::SetNextItemWidth(half);
        if (ImGui::BeginCombo("##prog_kind", kindLabel(d.kind).c_str())) {
            for (const char* k : kKinds)
                if (ImGui::Selectable(kindLabel(k).c_str(), d.kind == k)) d.kind = k;
            ImGui::EndCombo();
        }
        ImGui::EndGroup();
        ImGui::Checkbox(core::tr("ceremony.edit.field.optional").c_str(), &d.optional);
        recordHotspot(ctx, "prog_optional");

        // ImGui 1.86 cannot wrap lines while editing: drawList() shows the script wrapped, as the MC sees it.
        label("ceremony.edit.field.script");
        // Below: a line per problem, then the buttons (the child scrolls if that is too much).
        const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 1.5f +
                               ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(m_problems.size() + (m_conflict ? 2 : 0));
        const float room = std::max(0.0f, ImGui::GetContentRegionAvail().y - buttonsH);
        const float line = ImGui::GetTextLineHeightWithSpacing();
        ImGui::InputTextMultiline("##prog_script", &d.script, ImVec2(w, std::max(line * 3, room)));
        recordHotspot(ctx, "prog_script");

        for (const auto& p : m_problems)
            ImGui::TextColored(ImColor(255, 140, 130), "%s", (fieldLabel(p.field) + ": " + p.message).c_str());
        if (m_conflict) ImGui::TextColored(ImColor(color::kGold), "%s", core::tr("ceremony.edit.changed_elsewhere").c_str());

        const bool dirty = m_draft != m_base;
        ImGui::BeginDisabled(!dirty || !m_problems.empty());
        if (bigButton(ctx, "prog_save", core::tr("ceremony.edit.save"))) save(ctx);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!dirty && !m_conflict);
        if (bigButton(ctx, "prog_revert", core::tr(m_conflict ? "ceremony.edit.reload" : "ceremony.edit.revert"))) {
            if (const auto* stored = find(m, m_selected)) select(*stored);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (bigButton(ctx, "prog_add", core::tr("ceremony.edit.add"))) {
            attempt([&] {
                const std::string id = runner()->addItem(m_selected, ctx.now);
                if (const auto* added = find(runner()->model(showNow()), id)) {
                    select(*added);
                    m_result = {true, core::trf("ceremony.edit.added", {{"title", added->title}}), {}};
                }
            });
        }
    }

    static std::string fieldLabel(const std::string& field) {
        static const std::pair<const char*, const char*> names[] = {
            {"title", "ceremony.edit.field.title"}, {"minutes", "ceremony.edit.field.minutes"},
            {"warn_s", "ceremony.edit.field.warn"}, {"danger_s", "ceremony.edit.field.danger"},
            {"kind", "ceremony.edit.field.kind"},   {"id", "ceremony.edit.field.id"},
        };
        for (const auto& [f, key] : names)
            if (field == f) return core::tr(key);
        return field;
    }

    void save(ViewContext& ctx) {
        attempt([&] {
            auto problems = runner()->updateItem(m_draft, ctx.now);
            if (!problems.empty()) {
                m_result = {false, problems.front().message, {}};
                return;
            }
            m_base = m_draft;
            m_conflict = false;
            m_result = {true, core::trf("ceremony.edit.saved", {{"title", m_draft.title}}), {}};
        });
    }

    void move(ViewContext& ctx, const core::ProgramItem& item, int delta) {
        attempt([&] {
            if (runner()->moveItem(item.id, delta, ctx.now))
                m_result = {true, core::trf("ceremony.edit.moved", {{"title", item.title}}), {}};
        });
    }

    void step(core::ActionType type, const core::ProgramItem& item) {
        attempt([&] {
            if (runner()->act(type, showNow(), item.id))
                m_result = {true, core::trf(type == core::ActionType::Skip ? "ceremony.edit.skipped" : "ceremony.edit.restored",
                                            {{"title", item.title}}),
                            {}};
        });
    }

    void drawFiles(ViewContext& ctx) {
        if (m_csvPath.empty()) m_csvPath = ctx.settings.exportDir + "/program.csv";
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(core::tr("ceremony.edit.csv").c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::max(200 * ctx.scale, ImGui::GetContentRegionAvail().x - 420 * ctx.scale));
        ImGui::InputText("##prog_csv", &m_csvPath);
        recordHotspot(ctx, "prog_csv");
        ImGui::SameLine();
        if (bigButton(ctx, "prog_export", core::tr("ceremony.edit.export"))) {
            attempt([&] {
                std::string err;
                m_importErrors.clear();
                if (feed()->exportProgramCsv(m_csvPath, err))
                    m_result = {true, core::trf("ceremony.edit.exported", {{"path", m_csvPath}}), {}};
                else
                    m_result = {false, err, {}};
            });
        }
        ImGui::SameLine();
        if (bigButton(ctx, "prog_import", core::tr("ceremony.edit.import"))) {
            attempt([&] {
                const auto report = feed()->importProgramCsv(m_csvPath, ctx.now);
                m_importErrors = report.errors;
                m_result = report.ok ? ActionResult{true, core::trf("ceremony.edit.imported", {{"n", std::to_string(report.items)},
                                                                                              {"path", m_csvPath}}), {}}
                                     : ActionResult{false, core::trf("ceremony.edit.import_refused",
                                                                     {{"n", std::to_string(report.errors.size())}}), {}};
                runner()->refresh();
                m_selected.clear();
            });
        }
    }

    std::string m_selected;      ///< id of the item in the form
    float m_rowsHeight = 0;      ///< the table's rows as last drawn (titles wrap, so rows vary)
    core::ProgramItem m_base;    ///< the item as stored when the form was filled
    core::ProgramItem m_draft;   ///< the form
    bool m_conflict = false;     ///< another screen changed the item while it was being edited here
    std::vector<core::ItemProblem> m_problems;
    std::string m_start;       ///< the planned start field
    std::string m_startStored; ///< the stored start the field last showed
    std::string m_csvPath;
    std::vector<std::string> m_importErrors;
    ActionResult m_result;
    int m_items = 0;
};

} // namespace

std::unique_ptr<View> makeProgramEditor() { return std::make_unique<ProgramEditor>(); }

namespace console {

void drawProgram(ViewContext& ctx, State& st) {
    if (!st.program) st.program = makeProgramEditor();
    st.program->draw(ctx);
}

} // namespace console

} // namespace kiosk::ui
