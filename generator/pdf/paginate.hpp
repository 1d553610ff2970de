// Page breaking: places Items on pages of a given height. Items are never split; a chain of
// keep-with-next items moves to the next page whole (when it fits on one); space before an item
// is dropped at the top of a page; a table's header rows are repeated on every page it continues
// on.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pdf/layout.hpp"

namespace boardpress::pdf {

struct Placed {
    const Item* item = nullptr;
    double y = 0;        // top of the item, down from the top of the text block
    bool first = false;  // first on its page (its quote rules start here)
};

using Page = std::vector<Placed>;

// `items` must outlive the pages (they point into it).
std::vector<Page> paginate(const std::vector<Item>& items, double page_height);

struct Location {
    std::size_t page = 0;  // index into the pages given
    double y = 0;
};
// Where each anchor and each Mark's anchor landed (the first place, for repeated headers).
std::map<std::string, Location> locate_anchors(const std::vector<Page>& pages);

}  // namespace boardpress::pdf
