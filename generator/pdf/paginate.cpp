#include "pdf/paginate.hpp"

namespace boardpress::pdf {

std::vector<Page> paginate(const std::vector<Item>& items, double page_height) {
    std::vector<Page> pages(1);
    double y = 0;

    auto new_page = [&] {
        pages.emplace_back();
        y = 0;
    };
    auto put = [&](const Item* item) {
        double space = pages.back().empty() ? 0 : item->space_before;
        pages.back().push_back({item, y + space, pages.back().empty()});
        y += space + item->height;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        bool empty = pages.back().empty();
        if (item.page_break_before && !empty) {
            new_page();
            empty = true;
        }
        if (!empty) {
            // The chain this item starts: it and every following item it keeps with.
            double chain = item.space_before + item.height;
            for (std::size_t k = i;
                 items[k].keep_with_next && k + 1 < items.size() && !items[k + 1].page_break_before;
                 ++k)
                chain += items[k + 1].space_before + items[k + 1].height;
            bool chain_fits_a_page = chain - item.space_before <= page_height;
            bool fits = y + item.space_before + item.height <= page_height + 1e-6;
            bool chain_fits = y + chain <= page_height + 1e-6;
            if (!fits || (!chain_fits && chain_fits_a_page)) {
                new_page();
                empty = true;
            }
        }
        // A table row continuing on a new page: its header comes first.
        if (empty && item.table >= 0 && !item.table_header && i > 0 &&
            items[i - 1].table == item.table) {
            // Its header rows: the header items at the start of this run of the table's rows
            // (table numbers restart in each chapter, so they are looked up by position).
            std::size_t start = i;
            while (start > 0 && items[start - 1].table == item.table) --start;
            for (std::size_t k = start; k < i && items[k].table_header; ++k) put(&items[k]);
        }
        put(&item);
    }
    if (pages.size() > 1 && pages.back().empty()) pages.pop_back();
    return pages;
}

std::map<std::string, Location> locate_anchors(const std::vector<Page>& pages) {
    std::map<std::string, Location> found;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const Placed& placed : pages[p]) {
            for (const Anchor& anchor : placed.item->anchors)
                found.emplace(anchor.id, Location{p, placed.y + anchor.y});
            for (const Mark& mark : placed.item->marks)
                found.emplace(mark.anchor, Location{p, placed.y});
        }
    return found;
}

}  // namespace boardpress::pdf
