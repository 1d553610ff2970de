#include "components/rag.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "components/dataset.hpp"
#include "components/figures.hpp"
#include "components/options.hpp"

namespace boardpress::components {

namespace {

const std::vector<std::string> kRagOptions = {"data",     "caption", "title",  "as_of",
                                              "priority", "status",  "sort",   "summary",
                                              "controls", "hide",    "source", "notes"};
const std::vector<std::string> kPriorityKeys = {"id", "title", "lead", "update", "objectives"};
const std::vector<std::string> kObjectiveKeys = {"id", "title", "actions"};
const std::vector<std::string> kActionKeys = {"id",     "action",  "owner",  "due",
                                              "impact", "measure", "status", "update"};
const std::vector<std::string> kColumnNames = {"owner", "due", "impact", "measure", "update"};
constexpr std::string_view kOverdue = "overdue";

std::string join(const std::vector<std::string>& items, std::string_view last = ", ") {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? std::string(last) : std::string(", ");
        out += items[i];
    }
    return out;
}

std::vector<std::string> status_keys() {
    std::vector<std::string> keys;
    for (RagStatus status : kRagStatuses) keys.emplace_back(rag_key(status));
    return keys;
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string trimmed(const std::string& text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string json_kind(const Json& value) {
    if (value.is_object()) return "an object";
    if (value.is_array()) return "a list";
    if (value.is_string()) return "the text \"" + value.get<std::string>() + "\"";
    if (value.is_boolean()) return "a true/false value";
    if (value.is_null()) return "empty (null)";
    return "a number";
}

// Problems in the dataset: the data module keeps no positions for values inside the tree, so
// they are reported at the block's `data:` value, naming the item and the dataset.
class DataError {
  public:
    DataError(const YamlSource& source, YAML::Mark mark, std::string path)
        : source_(&source), mark_(mark), path_(std::move(path)) {}

    // "<subject> in `plan.x`<predicate>": ("action 1.2.1", " has no `action`").
    Error operator()(const std::string& subject, const std::string& predicate = {},
                     std::string hint = {}) const {
        return source_->error(mark_, subject + " in `" + path_ + "`" + predicate, std::move(hint));
    }
    const std::string& path() const { return path_; }

  private:
    const YamlSource* source_;
    YAML::Mark mark_;
    std::string path_;
};

const Json* member(const Json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// A text field: a string as it is, a number or true/false as written, "" for null or absent.
std::string read_text(const Json& object, const char* key, const std::string& owner,
                      const DataError& fail) {
    const Json* value = member(object, key);
    if (value == nullptr || value->is_null()) return {};
    if (value->is_object() || value->is_array())
        throw fail("`" + std::string(key) + "` of " + owner,
                   " is " + json_kind(*value) + ", not a text", "write it as one string");
    return trimmed(text_of(*value));
}

void check_keys(const Json& object, const std::vector<std::string>& known, const std::string& owner,
                const DataError& fail) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        std::string detail;
        std::string hint = owner.substr(0, owner.find(' ')) + " has: " + join(known);
        if (auto best = did_you_mean(it.key(), known)) {
            detail = "; did you mean `" + *best + "`?";
            hint = "rename it to `" + *best + "`";
        }
        throw fail("unknown key `" + it.key() + "` for " + owner, detail, std::move(hint));
    }
}

const Json& list_of(const Json& object, const char* key, const std::string& owner,
                    const std::string& example, const DataError& fail) {
    const Json* value = member(object, key);
    if (value == nullptr || value->is_null())
        throw fail(owner, " has no `" + std::string(key) + "`", "give it a list: " + example);
    if (!value->is_array())
        throw fail("`" + std::string(key) + "` of " + owner,
                   " is " + json_kind(*value) + ", not a list", "give it a list: " + example);
    for (std::size_t i = 0; i < value->size(); ++i)
        if (!(*value)[i].is_object())
            throw fail("item " + std::to_string(i + 1) + " of `" + key + "` of " + owner,
                       " is " + json_kind((*value)[i]) + ", not an object",
                       "each item is an object such as " + example);
    return *value;
}

RagStatus read_status(const Json& action, const std::string& owner, const DataError& fail) {
    const Json* value = member(action, "status");
    if (value == nullptr || value->is_null()) return RagStatus::unrated;
    if (!value->is_string())
        throw fail("the status of " + owner, " is " + json_kind(*value) + ", not a rating",
                   "a status is one of red, amber, green, complete, not-started, or null for "
                   "unrated");
    std::string written = trimmed(value->get<std::string>());
    if (written.empty()) return RagStatus::unrated;
    std::string key = lower(written);
    for (RagStatus status : kRagStatuses)
        if (rag_key(status) == key) return status;
    std::string detail;
    if (auto best = did_you_mean(key, status_keys())) detail = "; did you mean `" + *best + "`?";
    throw fail("unknown status `" + written + "` for " + owner, detail,
               "a status is one of red, amber, green, complete, not-started, or null for unrated");
}

// Every priority with every action, in plan order.
std::vector<RagPriority> read_plan(const Json& plan, const DataError& fail) {
    std::vector<RagPriority> parsed;
    const Json& priorities =
        list_of(plan, "priorities", "the plan",
                "{\"id\": \"1\", \"title\": \"...\", \"objectives\": [...]}", fail);
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, const std::string& noun) {
        if (!ids.insert(noun + " " + id).second)
            throw fail(noun + " id `" + id + "`", " is used twice",
                       "give each " + noun + " its own id, or leave ids out to number them");
    };
    for (std::size_t p = 0; p < priorities.size(); ++p) {
        const Json& pj = priorities[p];
        RagPriority priority;
        priority.id = read_text(pj, "id", "priority " + std::to_string(p + 1), fail);
        if (priority.id.empty()) priority.id = std::to_string(p + 1);
        std::string pname = "priority " + priority.id;
        check_keys(pj, kPriorityKeys, pname, fail);
        unique(priority.id, "priority");
        priority.title = read_text(pj, "title", pname, fail);
        if (priority.title.empty())
            throw fail(pname, " has no `title`", "add e.g. \"title\": \"Neglect\"");
        priority.lead = read_text(pj, "lead", pname, fail);
        priority.update = read_text(pj, "update", pname, fail);
        const Json& objectives = list_of(
            pj, "objectives", pname,
            "{\"id\": \"" + priority.id + ".1\", \"title\": \"...\", \"actions\": [...]}", fail);
        for (std::size_t o = 0; o < objectives.size(); ++o) {
            const Json& oj = objectives[o];
            RagObjective objective;
            objective.id =
                read_text(oj, "id", "objective " + std::to_string(o + 1) + " of " + pname, fail);
            if (objective.id.empty()) objective.id = priority.id + "." + std::to_string(o + 1);
            std::string oname = "objective " + objective.id;
            check_keys(oj, kObjectiveKeys, oname, fail);
            unique(objective.id, "objective");
            objective.title = read_text(oj, "title", oname, fail);
            const Json& actions = list_of(
                oj, "actions", oname,
                "{\"action\": \"...\", \"owner\": \"...\", \"due\": \"2016-03-31\", \"status\": "
                "\"green\"}",
                fail);
            for (std::size_t a = 0; a < actions.size(); ++a) {
                const Json& aj = actions[a];
                RagAction action;
                action.id =
                    read_text(aj, "id", "action " + std::to_string(a + 1) + " of " + oname, fail);
                if (action.id.empty()) action.id = objective.id + "." + std::to_string(a + 1);
                std::string aname = "action " + action.id;
                check_keys(aj, kActionKeys, aname, fail);
                unique(action.id, "action");
                action.action = read_text(aj, "action", aname, fail);
                if (action.action.empty())
                    throw fail(aname, " has no `action`",
                               "say what will be done, e.g. \"action\": \"Review the CSE "
                               "strategy\"");
                action.owner = read_text(aj, "owner", aname, fail);
                action.due = parse_due(read_text(aj, "due", aname, fail));
                action.impact = read_text(aj, "impact", aname, fail);
                action.measure = read_text(aj, "measure", aname, fail);
                action.status = read_status(aj, aname, fail);
                action.update = read_text(aj, "update", aname, fail);
                action.objective = priority.objectives.size();
                priority.actions.push_back(std::move(action));
            }
            priority.objectives.push_back(std::move(objective));
        }
        parsed.push_back(std::move(priority));
    }
    return parsed;
}

std::vector<RagKeyEntry> read_key(const Json& plan, const DataError& fail) {
    std::vector<RagKeyEntry> key;
    for (RagStatus status : kRagStatuses)
        key.push_back({status, std::string(rag_default_meaning(status))});
    const Json* given = member(plan, "key");
    if (given == nullptr || given->is_null()) return key;
    if (!given->is_object())
        throw fail("`key`", " is " + json_kind(*given) + ", not an object",
                   "map each status to its meaning, e.g. {\"red\": \"Not completed to "
                   "timescale\"}");
    std::vector<std::string> names = status_keys();
    for (auto it = given->begin(); it != given->end(); ++it) {
        auto found = std::find(names.begin(), names.end(), it.key());
        if (found == names.end()) {
            std::string detail = " names an unknown status `" + it.key() + "`";
            if (auto best = did_you_mean(it.key(), names))
                detail += "; did you mean `" + *best + "`?";
            throw fail("`key`", detail,
                       "`key` maps statuses (" + join(names) + ") to what they mean");
        }
        std::string meaning = read_text(*given, it.key().c_str(), "`key`", fail);
        if (!meaning.empty())
            key[static_cast<std::size_t>(found - names.begin())].meaning = meaning;
    }
    return key;
}

// An option that takes one value or a list of them: the scalars, each with its node for errors.
std::vector<YAML::Node> one_or_list(const Options& options, std::string_view key) {
    std::vector<YAML::Node> items;
    YAML::Node node = options.get(key);
    if (!node.IsDefined() || node.IsNull()) return items;
    if (node.IsScalar()) {
        items.push_back(node);
        return items;
    }
    if (!node.IsSequence())
        throw options.error(
            key, "`" + std::string(key) + "` must be a value or a list, not " + describe(node));
    for (const auto& item : node) {
        if (!item.IsScalar())
            throw options.source().error(item.Mark().is_null() ? options.mark(key) : item.Mark(),
                                         "each item of `" + std::string(key) +
                                             "` must be a single value, not " + describe(item));
        items.push_back(item);
    }
    return items;
}

Error unknown_value(const Options& options, std::string_view key, const YAML::Node& item,
                    const std::vector<std::string>& allowed, const std::string& noun) {
    std::string message =
        "unknown " + noun + " `" + item.Scalar() + "` in `" + std::string(key) + "`";
    if (auto best = did_you_mean(item.Scalar(), allowed))
        message += "; did you mean `" + *best + "`?";
    YAML::Mark mark = item.Mark().is_null() ? options.mark(key) : item.Mark();
    return options.source().error(mark, std::move(message), "use one of: " + join(allowed));
}

std::string read_caption(const Options& options, const Json& plan, const YamlSource& source) {
    if (options.has("caption") && options.has("title"))
        throw source.error(options.key_mark("title"), "rag takes `caption` or `title`, not both",
                           "keep one of them");
    std::string key = options.has("title") ? "title" : "caption";
    auto given = options.string(key);
    if (given && !trimmed(*given).empty()) return trimmed(*given);
    std::string from_data;
    if (const Json* title = member(plan, "title"); title && title->is_string())
        from_data = trimmed(title->get<std::string>());
    if (!from_data.empty()) return from_data;
    throw source.error(options.has(key) ? options.key_mark(key) : options.start(),
                       "rag needs a `caption`",
                       "add `caption: ...`, or give the dataset a \"title\"");
}

// The date ratings are judged at: the option, else the page's, else the dataset's; "" for none.
std::string read_as_of(const Options& options, const ComponentContext& ctx, const Json& plan,
                       const DataError& fail) {
    if (auto given = options.string("as_of")) {
        if (auto iso = iso_day(*given)) return *iso;
        throw options.error("as_of",
                            "`as_of` must be a date such as 2016-03-31, not `" + *given + "`",
                            "write the day the ratings are judged at as YYYY-MM-DD");
    }
    if (auto iso = iso_day(ctx.as_of)) return *iso;
    const Json* value = member(plan, "as_of");
    if (value == nullptr || value->is_null()) return {};
    std::string written = value->is_string() ? value->get<std::string>() : text_of(*value);
    if (auto iso = iso_day(written)) return *iso;
    throw fail("`as_of`", " is " + json_kind(*value) + ", not a date",
               "write the day the ratings were made as \"YYYY-MM-DD\"");
}

std::vector<RagColumn> read_columns(const Options& options) {
    std::vector<RagColumn> hidden;
    for (const auto& item : one_or_list(options, "hide")) {
        auto found = std::find(kColumnNames.begin(), kColumnNames.end(), item.Scalar());
        if (found == kColumnNames.end())
            throw unknown_value(options, "hide", item, kColumnNames, "column");
        hidden.push_back(static_cast<RagColumn>(found - kColumnNames.begin()));
    }
    std::vector<RagColumn> columns;
    for (RagColumn c : {RagColumn::owner, RagColumn::due, RagColumn::impact, RagColumn::measure,
                        RagColumn::update})
        if (std::find(hidden.begin(), hidden.end(), c) == hidden.end()) columns.push_back(c);
    return columns;
}

void select_priorities(std::vector<RagPriority>& priorities, const Options& options) {
    std::vector<YAML::Node> wanted = one_or_list(options, "priority");
    if (wanted.empty()) return;
    std::vector<std::string> ids;
    for (const auto& p : priorities) ids.push_back(p.id);
    std::vector<RagPriority> chosen;
    for (const auto& item : wanted) {
        auto found = std::find(ids.begin(), ids.end(), item.Scalar());
        if (found == ids.end()) throw unknown_value(options, "priority", item, ids, "priority");
        auto index = static_cast<std::size_t>(found - ids.begin());
        bool already = false;
        for (const auto& c : chosen) already = already || c.id == item.Scalar();
        if (!already) chosen.push_back(priorities[index]);
    }
    priorities = std::move(chosen);
}

std::string words_of(const std::vector<RagStatus>& statuses) {
    std::vector<std::string> words;
    for (RagStatus s : statuses) words.emplace_back(rag_word(s));
    return join(words, " or ");
}

void sort_actions(std::vector<RagAction>& actions, RagSort sort) {
    if (sort == RagSort::plan) return;
    if (sort == RagSort::status) {
        std::stable_sort(actions.begin(), actions.end(),
                         [](const RagAction& a, const RagAction& b) {
                             return static_cast<int>(a.status) < static_cast<int>(b.status);
                         });
        return;
    }
    // By due date, earliest first; then words ("Ongoing") and no date, each in plan order.
    auto rank = [](const RagAction& a) {
        return a.due.is_date() ? 0 : a.due.precision == DuePrecision::text ? 1 : 2;
    };
    std::stable_sort(actions.begin(), actions.end(), [&](const RagAction& a, const RagAction& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return rank(a) == 0 && a.due.iso < b.due.iso;
    });
}

}  // namespace

RagModel parse_rag(const YAML::Node& root, const YamlSource& source, const ComponentContext& ctx) {
    Options options(root, source, "rag", kRagOptions);
    if (!options.has("data"))
        throw source.error(options.start(), "rag needs `data`: the business plan to show",
                           "e.g. `data: plan.business_plan_2015_16` for "
                           "data/plan/business_plan_2015_16.json");
    YAML::Node path = options.get("data");
    const Json& plan = resolve_path(ctx.data, path, source, "dataset");
    DataError fail(source, options.mark("data"), path.Scalar());
    if (!plan.is_object())
        throw fail("the plan", " is " + json_kind(plan) + ", not an object",
                   "a business plan is an object with \"title\" and \"priorities\"");

    RagModel model;
    model.line = ctx.line;
    model.caption = read_caption(options, plan, source);
    model.period = read_text(plan, "period", "the plan", fail);
    model.source = options.string("source").value_or(read_text(plan, "source", "the plan", fail));
    model.notes = options.string("notes").value_or(read_text(plan, "notes", "the plan", fail));
    model.as_of = read_as_of(options, ctx, plan, fail);
    if (!model.as_of.empty()) model.as_of_display = figures::date(model.as_of, "full");
    model.sort = [&] {
        auto name = options.choice("sort", {"plan", "due", "status"});
        if (!name || *name == "plan") return RagSort::plan;
        return *name == "due" ? RagSort::due : RagSort::status;
    }();
    model.summary = options.boolean("summary").value_or(true);
    model.controls = options.boolean("controls").value_or(true);
    model.columns = read_columns(options);

    std::vector<std::string> filter_names = status_keys();
    filter_names.emplace_back(kOverdue);
    for (const auto& item : one_or_list(options, "status")) {
        auto found = std::find(filter_names.begin(), filter_names.end(), item.Scalar());
        if (found == filter_names.end())
            throw unknown_value(options, "status", item, filter_names, "status");
        if (*found == kOverdue) {
            if (model.as_of.empty())
                throw options.source().error(
                    item.Mark().is_null() ? options.mark("status") : item.Mark(),
                    "`overdue` needs a date to judge against",
                    "give the page an `as_of` date in its front matter, or add `as_of: "
                    "YYYY-MM-DD` here");
            model.filter_overdue = true;
            continue;
        }
        auto status = kRagStatuses[static_cast<std::size_t>(found - filter_names.begin())];
        if (std::find(model.filter.begin(), model.filter.end(), status) == model.filter.end())
            model.filter.push_back(status);
    }
    std::sort(model.filter.begin(), model.filter.end());

    std::vector<RagPriority> priorities = read_plan(plan, fail);
    model.key = read_key(plan, fail);
    select_priorities(priorities, options);

    bool filtered = !model.filter.empty() || model.filter_overdue;
    int shown = 0;
    for (std::size_t p = 0; p < priorities.size(); ++p) {
        RagPriority& priority = priorities[p];
        priority.caption = "Priority " + priority.id + ": " + priority.title;
        std::string slug = figures::slug(priority.id);
        priority.anchor = "rag-" + std::to_string(model.line) + "-p-" +
                          (slug.empty() ? std::to_string(p + 1) : slug);
        std::vector<RagAction> kept;
        for (auto& action : priority.actions) {
            action.overdue =
                action.status != RagStatus::complete && due_before(action.due, model.as_of);
            priority.counts.add(action.status, action.overdue);
            model.totals.add(action.status, action.overdue);
            bool listed = std::find(model.filter.begin(), model.filter.end(), action.status) !=
                          model.filter.end();
            if (!filtered || listed || (model.filter_overdue && action.overdue))
                kept.push_back(std::move(action));
        }
        sort_actions(kept, model.sort);
        shown += static_cast<int>(kept.size());
        priority.actions = std::move(kept);
    }
    // Anchors come from ids through slug(): two ids may give the same one ("1.1" and "1-1").
    for (std::size_t i = 0; i < priorities.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (priorities[i].anchor == priorities[j].anchor)
                priorities[i].anchor += "-" + std::to_string(i + 1);
    model.priorities = std::move(priorities);

    if (filtered) {
        std::string what;
        if (model.filter.empty())
            what = "overdue actions only";
        else if (model.filter_overdue)
            what = "actions with status " + words_of(model.filter) + ", and overdue actions";
        else
            what = "actions with status " + words_of(model.filter) + " only";
        model.filter_note = "Showing " + what + ": " + std::to_string(shown) + " of " +
                            std::to_string(model.totals.total) + ".";
    }
    // The key explains the statuses the plan uses.
    std::vector<RagKeyEntry> used;
    for (auto& entry : model.key)
        if (model.totals[entry.status] > 0) used.push_back(std::move(entry));
    model.key = std::move(used);
    return model;
}

}  // namespace boardpress::components
