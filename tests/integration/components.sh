# Data components through the binary: tables, key figures, suppression, glossary; and every
# component mistake reported at its line inside the fenced block, all in one build.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
mkdir -p "$dir/data/figures"
cat > "$dir/data/figures/monthly.json" <<'JSON'
{"title": "Children by month", "source": "Test <Unit>", "unit": "children", "rows": [
  {"month": "January", "y2014": 383, "y2015": 368},
  {"month": "February", "y2014": 390, "y2015": null}]}
JSON
cat > "$dir/data/figures/outcomes.json" <<'JSON'
{"sensitive": true, "rows": [
  {"outcome": "Substantiated", "cases": 28, "share": 0.6},
  {"outcome": "False", "cases": 3, "share": 0.07},
  {"outcome": "Unfounded <b>", "cases": 9, "share": 0.2}]}
JSON
cat > "$dir/data/glossary.json" <<'JSON'
{"LADO": "Local Authority Designated Officer"}
JSON
cat > "$dir/content/figures.md" <<'MD'
---
title: Figures
---
The LADO counts. The LADO again.

```table
data: figures.monthly
columns:
  - month
  - {key: y2014, heading: "2014"}
  - {key: y2015, heading: "2015"}
missing: not yet reported
```

```table
data: figures.outcomes
caption: Outcomes
total: sum
```

```stats
items:
  - {value: figures.outcomes.rows.1.cases, label: false allegations}
  - {value: figures.monthly.rows.0.y2015, label: in January, previous: figures.monthly.rows.0.y2014, previous_label: "2014"}
```

{{ data.figures.outcomes.rows[1].cases | suppress }} were false.

```chart
type: line
data: figures.monthly
x: month
series: [y2014, y2015]
```

```rag
data: figures.plan
```
MD
cat > "$dir/data/figures/plan.json" <<'JSON'
{"title": "Plan", "as_of": "2016-01-31", "priorities": [{"title": "Governance", "objectives": [
  {"title": "Know how well services work", "actions": [
    {"action": "Agree a <dataset>", "owner": "Manager", "due": "2015-12", "status": "red"},
    {"action": "Keep a log", "owner": "Chair", "due": "Ongoing", "status": "green"},
    {"action": "Report", "owner": "Head", "due": "March 2015", "status": "complete"}]}]}]}
JSON
"$BOARDPRESS" build "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "build failed"; }
page="$dir/site/figures.html"
# Table: caption from the dataset, header cells with scope, numbers marked, missing values named.
expect_in "$page" '<caption id="table-'
expect_in "$page" 'Children by month'
expect_in "$page" '<th scope="col" class="num">2014</th>'
expect_in "$page" '<th scope="row">January</th><td class="num">383</td>'
expect_in "$page" 'not yet reported'
expect_in "$page" 'Source: Test &lt;Unit&gt;'
# Suppression: 3 is hidden, the next-smallest (9) too, the total shown; the share beside 3 hidden.
expect_in "$page" '<span class="visually-hidden">fewer than 5</span>'
expect_in "$page" 'Unfounded &lt;b&gt;</th><td class="num suppressed">'
expect_in "$page" '<td class="num">40</td>'
expect_not_in "$page" '>7%<'
expect_in "$page" '<p>* were false.</p>'
# Key figures: a suppressed value, and a change in words.
expect_in "$page" 'false allegations'
expect_in "$page" 'down 4% on 2014'
# Glossary: first use explained, the glossary page generated.
expect_in "$page" '<abbr title="Local Authority Designated Officer">LADO</abbr> counts. The LADO again.'
expect_in "$dir/site/glossary.html" 'Local Authority Designated Officer'
# Chart: an SVG image with a title and description, a gap for February 2015, the data behind it.
expect_in "$page" 'role="img" aria-labelledby="chart-'
expect_in "$page" '<summary>Show data</summary>'
expect_in "$page" '1 month of 2015 has no data'
# Business plan: status as a word and a shape, overdue flagged against as_of, text dates as written.
expect_in "$page" '<span class="rag-shape" aria-hidden="true">'
expect_in "$page" '</span> Red</span>'
expect_in "$page" 'Agree a &lt;dataset&gt;'
expect_in "$page" '<strong class="rag-overdue">Overdue</strong>'
expect_in "$page" 'Ongoing'

# Mistakes: each at its line inside its block, all reported in one build.
cat > "$dir/content/figures.md" <<'MD'
---
title: Figures
---
{% for i in range(2) %}
Line {{ i }}.
{% endfor %}

```table
data: figures.monthly
captoin: Typo
```

```table
data: figures.monthly
columns: [month, y2105]
```

```table
data: figures.monthly
columns:
  - month
  - {key: y2014, format: percnt}
```

```stats
items:
  - {value: figures.monthly.rows.0.month, label: month, format: number}
```

```table
data: figures.monthy
```

```chart
type: line
data: figures.monthly
seris: [y2014]
```

```rag
data: figures.plan
```
MD
sed -i 's/"status": "green"/"status": "gren"/' "$dir/data/figures/plan.json"
set +e
NO_COLOR=1 "$BOARDPRESS" build "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "a broken component did not fail the build"
err="$WORK/err.txt"
expect_in "$err" "content/figures.md:10:1: error: unknown option \`captoin\` for table; did you mean \`caption\`?"
expect_in "$err" "content/figures.md:15:18:"
expect_in "$err" "did you mean \`y2015\`?"
expect_in "$err" "content/figures.md:22:26:"
expect_in "$err" "did you mean \`percent\`?"
expect_in "$err" "content/figures.md:27:13:"
expect_in "$err" "not a number"
expect_in "$err" "content/figures.md:31:15:"
expect_in "$err" "did you mean \`figures.monthly\`?"
expect_in "$err" "content/figures.md:37:1: error: unknown option \`seris\` for chart; did you mean \`series\`?"
expect_in "$err" "content/figures.md:41:7:"
expect_in "$err" "did you mean \`green\`?"
expect_in "$err" "7 errors"
echo "components: ok"
