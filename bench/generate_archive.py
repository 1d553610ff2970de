#!/usr/bin/env python3
"""Writes a synthetic boardpress project: a board's archive of annual reports, for benchmarks.

Usage: bench/generate_archive.py OUT_DIR [--publications 200] [--sections 10] [--seed N]

The project has boardpress.json and templates/ copied from the repository root, data/ with a few
datasets (JSON and CSV) and content/ with N publications (kind: annual-report), each a folder with
index.md and S sections of board-report prose: headings, lists, a GFM pipe table, links between
sections, figures taken from the data through template expressions (`{{ data.x.y | number }}`),
and some ```table and ```chart blocks. Exactly one publication (the newest) has `pdf: true`; its
folder name is written to OUT_DIR/bench.json ("pdf_publication") for bench/run.

The output depends only on the arguments (fixed seed): the same arguments give the same bytes.
N publications of S sections are N * (S + 1) pages, plus the home page, glossary and 404.
"""

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

THEMES = [
    "Safeguarding children", "Early help", "Child protection", "Children in care",
    "Allegations management", "Learning and improvement", "Multi-agency training",
    "Child sexual exploitation", "Missing children", "Domestic abuse and children",
    "Neglect", "Private fostering", "Child death overview", "Disabled children",
    "Young carers", "Online safety", "Mental health of children", "Youth justice",
    "Health and safeguarding", "Education and safeguarding",
]

AREAS = ["Northmoor", "Kellbridge", "Ashworth Vale", "Fenmarsh", "Highcombe", "Riverside",
         "Castleford Downs", "Westerleigh", "Brackenfield", "Saltcote"]

SECTION_TITLES = [
    ("Foreword", "The chair's view of the year: what went well, what did not, and what comes next."),
    ("The board and its partners", "Who sits on the board, how it is funded and how it holds agencies to account."),
    ("The local picture", "The children and families of the area and the pressures on local services."),
    ("Children with a child protection plan", "How many children needed a plan, why, and what the trends mean."),
    ("Allegations against staff", "Referrals to the designated officer about people who work with children."),
    ("Learning and improvement", "Case reviews, audits and what agencies changed as a result."),
    ("Training the workforce", "Multi-agency courses, practice groups and the annual conference."),
    ("Budget and spending", "What the board spent and where its money came from."),
    ("Early help", "Support offered to families before problems become entrenched."),
    ("Child sexual exploitation", "How agencies identify and disrupt exploitation and support victims."),
    ("Children missing from home and care", "Return interviews, repeat episodes and links to exploitation."),
    ("Domestic abuse", "Children living with domestic abuse and the work of the risk assessment conference."),
    ("Private fostering", "Children living with people who are not their close relatives."),
    ("Child deaths", "The findings of the Child Death Overview Panel."),
    ("The voice of the child", "How children and young people shaped the board's work."),
    ("Section 11 audits", "How well each agency meets its statutory safeguarding duties."),
    ("Health services", "Safeguarding in hospitals, general practice and community health."),
    ("Schools and colleges", "Safeguarding in education settings and the designated leads."),
    ("Police and youth justice", "Protecting children through policing and the youth offending service."),
    ("Priorities for next year", "What the board will focus on and how it will know it has made a difference."),
]

SUBJECTS = [
    "The board", "Partner agencies", "The Safeguarding and Standards Unit", "The MASH",
    "Children's social care", "The police", "Health partners", "Schools", "The LADO",
    "The designated nurse", "Early help teams", "The Learning and Improvement Group",
    "Conference chairs", "The Performance and Quality Assurance Group", "Front-line practitioners",
    "The CCG", "The youth offending service", "Voluntary sector partners",
]
VERBS = [
    "reviewed", "strengthened", "challenged", "monitored", "improved", "audited", "agreed",
    "published", "scrutinised", "supported", "commissioned", "evaluated", "reported on",
    "took forward", "revised", "tested",
]
OBJECTS = [
    "the threshold document", "the quality of referrals", "the multi-agency audit programme",
    "its escalation policy", "the neglect strategy", "the timeliness of assessments",
    "the response to children missing from home", "the CSE risk assessment tool",
    "information sharing between agencies", "the training offer for GPs",
    "the pre-birth protocol", "the quality of child protection plans",
    "the voice of the child in assessments", "the private fostering campaign",
    "the use of the Graded Care Profile", "the learning from each SCR",
    "the arrangements for allegations against staff", "the section 11 self-assessments",
]
CLAUSES = [
    "and reported its findings to the board", "with the help of young people",
    "after a multi-agency audit found gaps", "as Ofsted recommended",
    "in line with Working Together", "so that practitioners know what to do",
    "which led to clearer guidance for front-line staff", "and will return to it next year",
    "although progress has been slower than hoped", "and the results were encouraging",
    "but more needs to be done", "despite rising demand across the county",
]
OPENERS = [
    "During the year", "Over the last twelve months", "Since the last report",
    "In the second half of the year", "From April onwards", "Following the inspection",
    "As in previous years", "For the first time",
]
REFLECTIONS = [
    "This matters because every delay in a referral is time a child spends at risk.",
    "Practitioners told us that the changes made their work easier and safer.",
    "The board will check that the improvement has lasted when it audits the same area next year.",
    "Families who took part in the review said they felt listened to for the first time.",
    "The figures need to be read with care: small numbers can change sharply from year to year.",
    "Ofsted described this work as a clear strength of the partnership.",
    "It is too early to say whether the change has made a lasting difference to children.",
    "The learning has been shared through local practice groups and a seven-minute briefing.",
    "Agencies agreed to report their progress to the board every quarter.",
    "The work was funded from the board's reserves and will not need to be repeated.",
]
LIST_ITEMS = [
    "Referrals from schools are more complete and more often lead to the right service.",
    "Conference reports are shared with parents at least three days before the meeting.",
    "Every agency has a named safeguarding lead who attends the practice group.",
    "Return interviews are offered to every child who goes missing.",
    "Staff know how to escalate a concern when they disagree with a decision.",
    "The threshold document is used in supervision and in training.",
    "GPs contribute a report to almost every initial conference.",
    "Young people helped to design the CSE awareness campaign.",
    "The board's website is easier to use and is visited more often.",
    "Single-agency training is checked against the board's standards.",
    "Audits are followed up three months later to see what has changed.",
    "Foster carers and private foster carers receive the same safety advice.",
]
TABLE_ROWS = [
    "Initial conferences held on time", "Review conferences held on time",
    "Assessments completed within timescale", "Referrals leading to assessment",
    "Children seen alone at assessment", "Plans lasting over two years",
    "Return interviews offered", "Agencies completing section 11 audit",
]


def lower_first(text):
    """"The board" -> "the board" inside a sentence; acronyms ("LADO") stay as they are."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def yaml_string(text):
    """A front matter value, double-quoted (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


class Writer:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, items):
        return self.rng.choice(items)

    def sentence(self):
        rng = self.rng
        form = rng.randrange(4)
        if form == 0:
            subject = lower_first(self.pick(SUBJECTS))
            return f"{self.pick(OPENERS)}, {subject} {self.pick(VERBS)} {self.pick(OBJECTS)} {self.pick(CLAUSES)}."
        if form == 1:
            return f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(OBJECTS)}, {self.pick(CLAUSES)}."
        if form == 2:
            return self.pick(REFLECTIONS)
        other = lower_first(self.pick(SUBJECTS))
        return f"{self.pick(SUBJECTS)} and {other} {self.pick(VERBS)} {self.pick(OBJECTS)} together."

    def paragraph(self, sentences=None, extra=()):
        n = sentences if sentences is not None else self.rng.randint(3, 6)
        parts = [self.sentence() for _ in range(n)]
        for text in extra:
            parts.insert(self.rng.randint(0, len(parts)), text)
        return " ".join(parts)


def figures_dataset(rng, first_year, last_year):
    """data/board/figures.json: an object of years ("y2014") with the year's headline figures."""
    out = {}
    referrals, plans, budget = 5200, 380, 410000
    for year in range(first_year - 1, last_year + 1):
        prev = (referrals, plans, budget)
        referrals = int(referrals * rng.uniform(0.93, 1.09))
        plans = int(plans * rng.uniform(0.9, 1.12))
        budget = int(budget * rng.uniform(0.97, 1.05) / 100) * 100
        out[f"y{year}"] = {
            "year": f"{year}-{(year + 1) % 100:02d}",
            "as_at": f"{year + 1}-03-31",
            "referrals": referrals,
            "previous_referrals": prev[0],
            "children_on_plans": plans,
            "previous_children_on_plans": prev[1],
            "rate_per_10000": round(plans / 12.755, 1),
            "england_rate": round(rng.uniform(38, 46), 1),
            "new_plans": int(plans * rng.uniform(1.1, 1.4)),
            "lado_referrals": rng.randint(180, 320),
            "attended": rng.randint(1200, 2400),
            "courses": rng.randint(60, 110),
            "in_timescale": round(rng.uniform(0.78, 0.97), 4),
            "budget": budget,
            "spend": int(budget * rng.uniform(0.92, 1.04)),
            "previous_budget": prev[2],
        }
    return out


def write_data(out, rng, first_year, last_year):
    data = out / "data"
    for d in ("board", "cp", "finance", "training"):
        (data / d).mkdir(parents=True, exist_ok=True)
    figures = figures_dataset(rng, first_year, last_year)
    (data / "board" / "figures.json").write_text(json.dumps(figures, indent=1) + "\n")

    base = 380
    rows = []
    for m in MONTHS:
        a = base + rng.randint(-25, 25)
        b = a + rng.randint(-20, 30)
        rows.append({"month": m, "previous": a, "current": b if MONTHS.index(m) < 9 else None})
    (data / "cp" / "plans_by_month.json").write_text(json.dumps(rows, indent=1) + "\n")

    cats = [["Neglect", 306], ["Emotional abuse", 124], ["Physical abuse", 36], ["Sexual abuse", 18]]
    total = sum(c for _, c in cats)
    (data / "cp" / "categories.json").write_text(json.dumps(
        [{"category": n, "children": c, "share": round(c / total, 4)} for n, c in cats], indent=1) + "\n")

    budget_rows = []
    for heading in ["Staffing", "Training", "Case reviews", "Independent chair", "Conference",
                    "Website and publications", "Other"]:
        b = rng.randint(5, 160) * 1000
        budget_rows.append({"heading": heading, "budget": b, "actual": b + rng.randint(-9000, 6000)})
    (data / "finance" / "budget.json").write_text(json.dumps({
        "title": "Spending against budget", "source": "Board accounts", "unit": "pounds",
        "rows": budget_rows}, indent=1) + "\n")

    sectors = ["Enhanced and preventative services", "Children's social care", "Health",
               "Education", "Voluntary and community sector", "Police", "Early years",
               "Adult services", "Other"]
    lines = ["sector,attendees,previous_attendees"]
    for s in sectors:
        lines.append(f"{s if ',' not in s else chr(34) + s + chr(34)},{rng.randint(10, 260)},{rng.randint(0, 260)}")
    (data / "training" / "by_sector.csv").write_text("\n".join(lines) + "\n")

    glossary = REPO / "data" / "glossary.json"
    if glossary.exists():
        shutil.copy(glossary, data / "glossary.json")
    return figures


def slugify(title):
    out = "".join(c.lower() if c.isalnum() else "-" for c in title)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


CHARTS = [
    """```chart
type: line
data: cp.plans_by_month
x: month
series:
  - {key: previous, label: "Last year"}
  - {key: current, label: "This year"}
title: Children with a child protection plan at the end of each month
x_title: Month
y_title: Children with a plan
missing: not yet reported
source: Safeguarding and Standards Unit
```""",
    """```chart
type: donut
data: cp.categories
x: category
series: [children]
title: Children with a child protection plan by category of abuse
source: Safeguarding and Standards Unit
```""",
    """```chart
type: hbar
data: training.by_sector
x: sector
series: [{key: attendees, label: "This year"}, {key: previous_attendees, label: "Last year"}]
title: Practitioners attending multi-agency training, by sector
y_title: Practitioners
source: Training and Workforce Development Group
```""",
    """```chart
type: bar
data: cp.plans_by_month
x: month
series: [{key: previous, label: "Last year"}]
title: Children with a plan at the end of each month last year
y_title: Children
```""",
]

TABLES = [
    """```table
data: finance.budget
columns:
  - {key: heading, heading: Heading}
  - {key: budget, heading: Budget, format: gbp}
  - {key: actual, heading: Spent, format: gbp}
total: sum
source: Board accounts, {{ fig.year }}
```""",
    """```table
data: training.by_sector
caption: Practitioners attending multi-agency training, by sector
columns:
  - {key: sector, heading: Sector}
  - {key: attendees, heading: This year, format: number}
  - {key: previous_attendees, heading: Last year, format: number}
sort: {key: attendees, order: desc}
total: sum
```""",
    """```table
data: cp.categories
caption: Children with a plan by category of abuse
columns:
  - {key: category, heading: Category}
  - {key: children, heading: Children, format: number}
  - {key: share, heading: Share, format: percent, decimals: 1}
```""",
]

EXPRESSIONS = [
    "{{ fig.referrals | number }} referrals reached children's social care in {{ fig.year }}, {{ fig.referrals | change(fig.previous_referrals) }} on the year before.",
    "On {{ fig.as_at | date }}, {{ fig.children_on_plans | number }} children had a child protection plan, a rate of {{ fig.rate_per_10000 }} per 10,000 against {{ fig.england_rate }} in England.",
    "{{ fig.new_plans | number }} children were made subject to a plan during the year.",
    "The designated officer received {{ fig.lado_referrals }} referrals about people who work with children.",
    "{{ fig.attended | number }} practitioners attended {{ fig.courses }} multi-agency courses.",
    "{{ fig.in_timescale | percent(1) }} of single assessments were completed within timescale.",
    "The board spent {{ fig.spend | gbp }} against a budget of {{ fig.budget | gbp }} ({{ fig.budget | change(fig.previous_budget) }} on the previous budget).",
    "{{ site.params.area }} had {{ fig.children_on_plans | per(1275500) }} children with a plan per 10,000 children aged under 18.",
]


def section_body(w, pub, index, sections, year):
    rng = w.rng
    title, _ = sections[index]
    lines = [f"{{% set fig = data.board.figures.y{year} -%}}"]
    lines.append(w.paragraph(extra=[w.pick(EXPRESSIONS)]))
    lines.append("")
    lines.append(w.paragraph())
    lines.append("")
    headings = rng.sample(["What we found", "What happened this year", "What is working well",
                           "What we are worried about", "What we are doing", "The figures",
                           "What children told us", "How agencies responded", "Looking ahead"], 4)
    # First heading: prose and a list.
    lines += [f"## {headings[0]}", "", w.paragraph(extra=[w.pick(EXPRESSIONS)]), ""]
    for item in rng.sample(LIST_ITEMS, rng.randint(3, 6)):
        lines.append(f"- {item}")
    lines += ["", w.paragraph(), ""]
    # Second heading: a pipe table of figures, and a link to another section.
    lines += [f"## {headings[1]}", "", w.paragraph(), ""]
    lines += ["| Measure | {{ fig.year }} | Target | Met |", "|:---|---:|---:|:---|"]
    for row in rng.sample(TABLE_ROWS, rng.randint(4, 6)):
        value = round(rng.uniform(0.6, 0.99), 3)
        target = round(rng.uniform(0.7, 0.95), 2)
        lines.append(f"| {row} | {{{{ {value} | percent(1) }}}} | {{{{ {target} | percent }}}} | {'Yes' if value >= target else 'No'} |")
    lines.append("")
    other = rng.randrange(len(sections))
    if other == index:
        other = (index + 1) % len(sections)
    other_title, _ = sections[other]
    lines.append(w.paragraph(extra=[
        f"The [section on {other_title.lower()}]({slugify(other_title)}.html) says more about this, and the [report's contents](index.html) lists every section."]))
    lines.append("")
    # A component in most sections: a chart, a data table or both.
    kind = rng.randrange(4)
    if kind in (0, 2):
        lines += [w.paragraph(2), "", w.pick(CHARTS), ""]
    if kind in (1, 2):
        lines += [w.paragraph(2), "", w.pick(TABLES), ""]
    # Third heading: numbered steps and a quotation.
    lines += [f"### {headings[2]}", "", w.paragraph(), ""]
    for n, item in enumerate(rng.sample(LIST_ITEMS, 3), 1):
        lines.append(f"{n}. {item}")
    lines += ["", f"> {w.pick(REFLECTIONS)}", "", w.paragraph(), ""]
    lines += [f"## {headings[3]}", "", w.paragraph(extra=[w.pick(EXPRESSIONS)]), "",
              w.paragraph(), ""]
    return "\n".join(lines)


def write_publication(out, w, number, count_sections, year, pdf):
    rng = w.rng
    theme = w.pick(THEMES)
    area = w.pick(AREAS)
    slug = f"annual-report-{year}-{(year + 1) % 100:02d}-{number:03d}"
    folder = out / "content" / slug
    folder.mkdir(parents=True)
    month = rng.randint(6, 11)
    day = rng.randint(1, 28)
    # A sample of the usual sections, kept in their usual order (foreword first).
    titles = sorted(rng.sample(SECTION_TITLES, min(count_sections, len(SECTION_TITLES))),
                    key=SECTION_TITLES.index)
    while len(titles) < count_sections:
        t, s = SECTION_TITLES[len(titles) % len(SECTION_TITLES)]
        titles.append((f"{t} (part {len(titles) // len(SECTION_TITLES) + 1})", s))
    front = [
        "---",
        "title: " + yaml_string(f"{theme} in {area}: annual report {year}-{(year + 1) % 100:02d} ({number})"),
        "kind: annual-report",
        f"date: {year + 1}-{month:02d}-{day:02d}",
        "summary: " + yaml_string(f"How well children in {area} were protected between April {year} and March {year + 1}, with a focus on {theme.lower()}."),
    ]
    if number % 2 == 0:
        front.append("numbering: sections")
    if pdf:
        front.append("pdf: true")
    front.append("---")
    intro = [
        f"{{% set fig = data.board.figures.y{year} -%}}",
        f"This is the annual report of the {{{{ site.organisation }}}} for {{{{ fig.year }}}}, with a focus on {theme.lower()} in {area}.",
        w.paragraph(),
        "",
        "## The year at a glance",
        "",
        "- **{{ fig.children_on_plans | number }}** children had a child protection plan on {{ fig.as_at | date }}.",
        "- **{{ fig.referrals | number }}** referrals reached children's social care ({{ fig.referrals | change(fig.previous_referrals) }}).",
        "- **{{ fig.attended | number }}** practitioners attended multi-agency training.",
        "- The board spent **{{ fig.spend | gbp }}** against a budget of {{ fig.budget | gbp }}.",
        "",
        w.paragraph(),
        "",
    ]
    (folder / "index.md").write_text("\n".join(front + intro) + "\n")
    for i, (title, summary) in enumerate(titles):
        body = section_body(w, slug, i, titles, year)
        text = f"---\ntitle: {yaml_string(title)}\nsummary: {yaml_string(summary)}\n---\n{body}"
        (folder / f"{i + 1:02d}-{slugify(title)}.md").write_text(text)
    return slug


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--publications", type=int, default=200)
    parser.add_argument("--sections", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20150930)
    args = parser.parse_args(argv)
    out = Path(args.out_dir)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"generate_archive.py: {out} exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    w = Writer(args.seed)

    config = json.loads((REPO / "boardpress.json").read_text())
    shutil.copytree(REPO / "templates", out / "templates")

    # Years 2000-01 onwards, several publications a year; the newest one gets the PDF.
    first_year = 2000
    per_year = max(1, -(-args.publications // 25))
    years = [first_year + i // per_year for i in range(args.publications)]
    (out / "content").mkdir()
    write_data(out, rng, first_year, max(years) if years else first_year)
    slugs = []
    for i, year in enumerate(years):
        slugs.append(write_publication(out, w, i + 1, args.sections, year, pdf=(i == len(years) - 1)))

    # The example's navigation names pages of the example; point it at pages this archive has.
    config["navigation"] = [{"title": "Home", "url": "index.html"}]
    if slugs:
        config["navigation"].append({"title": "Latest annual report", "url": f"{slugs[-1]}/index.html"})
    config["navigation"].append({"title": "Glossary", "url": "glossary.html"})
    (out / "boardpress.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    (out / "content" / "index.md").write_text(
        "---\ntitle: Home\nsummary: Every annual report the board has published.\n---\n"
        "The board publishes an annual report each year. This archive holds "
        f"{len(slugs)} of them.\n")
    (out / "bench.json").write_text(json.dumps({
        "publications": len(slugs), "sections": args.sections, "seed": args.seed,
        "pdf_publication": slugs[-1] if slugs else None}, indent=1) + "\n")
    print(f"wrote {len(slugs)} publications of {args.sections} sections into {out}")


if __name__ == "__main__":
    main()
