// The ```rag component (a business plan rated Red/Amber/Green) as accessible HTML.
//
// Every status is shown as a word with a shape (the shape aria-hidden) inside
// <span class="rag-status rag-KEY">, so colour only repeats what the text says; overdue actions
// say "Overdue" in words. Each table sits in a focusable, labelled scrolling region and has a
// <caption>, column headers and the action as the row header; with `sort: plan` each objective is
// a <tbody> headed by <th scope="rowgroup">. Rows carry data-status, data-due (ISO) and
// data-overdue, and every cell a data-label, so a stylesheet can stack rows as cards on narrow
// screens and the status filter (radio buttons, no JavaScript) can hide rows with CSS :has().
// Ids start "rag-LINE" (the block's line), so two plans on one page do not clash.
#pragma once

#include <string>

#include "components/rag_model.hpp"

namespace boardpress::html {

std::string rag_html(const components::RagModel& model);

}  // namespace boardpress::html
