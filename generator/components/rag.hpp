// The ```rag component: a business plan (priorities -> objectives -> actions) as a RagModel.
#pragma once

#include <yaml-cpp/yaml.h>

#include "components/context.hpp"
#include "components/rag_model.hpp"
#include "components/yaml_source.hpp"

namespace boardpress::components {

// The dataset (data/plan/business_plan_2015_16.json is `data: plan.business_plan_2015_16`):
//   {"title", "period", "source", "notes", "as_of" (ISO date the ratings were made),
//    "key": {"red": "what red means", ...} (optional, overrides the default meanings),
//    "priorities": [{"id", "title", "lead", "update",
//                    "objectives": [{"id", "title",
//                                    "actions": [{"id", "action", "owner", "due", "impact",
//                                                 "measure", "status", "update"}]}]}]}
// Ids are optional ("1", "1.1", "1.1.1" by position) and must be unique. `status` is red, amber,
// green, complete, not-started (any case) or unrated (null, "" or absent). `due` ("by when") is
// read by parse_due. Other keys of priorities, objectives and actions are errors (likely typos);
// other top-level keys are left for templates.
//
// Options: data (required), caption or title (else the dataset's title), as_of (else the page's,
// else the dataset's), priority (an id or a list of ids to show), status (a status or a list;
// `overdue` selects overdue actions too), sort (plan | due | status, within each priority),
// summary (true: counts per status and priority), controls (true: a status filter that needs no
// JavaScript), hide (a list of owner, due, impact, measure, update), source, notes.
//
// Errors in the options are reported at their place in the block; errors in the dataset at the
// `data:` line, naming the priority, objective or action and the bad value.
RagModel parse_rag(const YAML::Node& root, const YamlSource& source, const ComponentContext& ctx);

}  // namespace boardpress::components
