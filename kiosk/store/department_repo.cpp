#include "kiosk/store/department_repo.hpp"

namespace kiosk::store {

std::vector<CategoryPresence> categoryPresence(Database& db) {
    // One pass over delegates with an EXISTS per row: the checkins_delegate index answers it.
    auto st = db.prepare(R"SQL(
SELECT c.id,
       count(d.id) FILTER (WHERE d.revoked = 0),
       count(d.id) FILTER (WHERE EXISTS (SELECT 1 FROM checkins k WHERE k.delegate_id = d.id AND k.direction = 'entry'))
FROM categories c JOIN delegates d ON d.category_id = c.id
GROUP BY c.id ORDER BY c.rank, c.id)SQL");
    std::vector<CategoryPresence> out;
    while (st.step())
        out.push_back({st.getText(0), st.getInt(1), st.getInt(2)});
    return out;
}

} // namespace kiosk::store
