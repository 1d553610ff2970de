// Walking a parsed Markdown body: the nodes of one kind, in document order.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/markdown.hpp"

namespace boardpress::check {

// Every node under `root` (itself included) for which keep(node) holds, in document order.
template <class Keep>
std::vector<cmark_node*> nodes_where(cmark_node* root, Keep keep) {
    std::vector<cmark_node*> found;
    if (!root) return found;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 &cmark_iter_free);
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER && keep(node)) found.push_back(node);
    }
    return found;
}

inline std::vector<cmark_node*> nodes_of(const markdown::Document& document, cmark_node_type type) {
    return nodes_where(document.root(),
                       [type](cmark_node* node) { return cmark_node_get_type(node) == type; });
}

// By type name, for extension nodes ("table"), whose type numbers are assigned at run time.
inline std::vector<cmark_node*> nodes_named(const markdown::Document& document,
                                            std::string_view name) {
    return nodes_where(document.root(), [name](cmark_node* node) {
        return name == cmark_node_get_type_string(node);
    });
}

}  // namespace boardpress::check
