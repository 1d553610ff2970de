#!/usr/bin/env python3
"""Fills in the expected output of the Jinja2 differential test cases.

Each tests/jinja/cases/*.json file is a JSON array of cases:

    {"name": "unique name",
     "template": "main template source (loaded as main.html)",
     "data": {...the context...},
     "files": {"other.html": "source", ...},      (optional)
     "expected": "Jinja2's output"  or  "error": "Jinja2 exception class name"}

Cases are authored without "expected"/"error"; this script renders every case with Python's
Jinja2 3.1, configured exactly as boardpress's engine must behave:

    jinja2.Environment(loader=DictLoader(files), autoescape=True, undefined=StrictUndefined)

and rewrites the files in place (2-space indent, UTF-8, stable key order, trailing newline).

    python3 tests/jinja/regen.py            # rewrite every cases file
    python3 tests/jinja/regen.py FILE...    # only these files
    python3 tests/jinja/regen.py --check    # exit 1 if a stored expectation differs from Jinja2
"""

import argparse
import json
import sys
from pathlib import Path

import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined

CASES_DIR = Path(__file__).resolve().parent / "cases"
MAIN = "main.html"
KEY_ORDER = ["name", "template", "data", "files"]
RESULT_KEYS = ["expected", "error"]


def no_duplicate_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate JSON key {key!r}")
        result[key] = value
    return result


def load(path):
    with open(path, encoding="utf-8") as f:
        cases = json.load(f, object_pairs_hook=no_duplicate_keys)
    if not isinstance(cases, list):
        raise ValueError(f"{path}: the top level must be an array of cases")
    return cases


def render(case):
    """Returns ("expected", output) or ("error", exception class name)."""
    files = dict(case.get("files") or {})
    if MAIN in files:
        raise ValueError(f"case {case['name']!r}: files must not contain {MAIN!r}")
    files[MAIN] = case["template"]
    env = Environment(loader=DictLoader(files), autoescape=True, undefined=StrictUndefined)
    try:
        output = env.get_template(MAIN).render(case.get("data") or {})
    except Exception as exc:  # noqa: BLE001 - the class name is the expectation
        name = type(exc).__name__
        if not isinstance(exc, jinja2.TemplateError):
            print(f"warning: case {case['name']!r} raised a non-Jinja2 exception "
                  f"{name}: {exc}", file=sys.stderr)
        return "error", name
    return "expected", output


def canonical(case, result_key, result_value):
    out = {}
    for key in KEY_ORDER:
        if key in case:
            out[key] = case[key]
    for key, value in case.items():
        if key not in out and key not in RESULT_KEYS:
            out[key] = value
    out[result_key] = result_value
    return out


def validate(path, cases, seen):
    for i, case in enumerate(cases):
        if not isinstance(case, dict):
            raise ValueError(f"{path}: case #{i} is not an object")
        name = case.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{path}: case #{i} has no name")
        if name in seen:
            raise ValueError(f"{path}: case name {name!r} also used in {seen[name]}")
        seen[name] = path.name
        if not isinstance(case.get("template"), str):
            raise ValueError(f"{path}: case {name!r} has no template string")
        if "data" in case and not isinstance(case["data"], dict):
            raise ValueError(f"{path}: case {name!r}: data must be an object")
        if "files" in case and not isinstance(case["files"], dict):
            raise ValueError(f"{path}: case {name!r}: files must be an object")


def dump(cases):
    return json.dumps(cases, indent=2, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if any stored expectation is stale")
    parser.add_argument("files", nargs="*", type=Path,
                        help="cases files (default: every tests/jinja/cases/*.json)")
    args = parser.parse_args(argv)

    paths = args.files or sorted(CASES_DIR.glob("*.json"))
    if not paths:
        print(f"no cases files in {CASES_DIR}", file=sys.stderr)
        return 2

    if not jinja2.__version__.startswith("3.1."):
        print(f"warning: expectations are Jinja2 3.1's; this is {jinja2.__version__}",
              file=sys.stderr)

    seen = {}
    stale = 0
    total = 0
    for path in paths:
        cases = load(path)
        validate(path, cases, seen)
        updated = []
        file_stale = 0
        for case in cases:
            key, value = render(case)
            total += 1
            stored = {k: case[k] for k in RESULT_KEYS if k in case}
            if stored != {key: value}:
                file_stale += 1
                if args.check:
                    print(f"{path.name}: {case['name']}: stored {stored!r}, "
                          f"Jinja2 gives {{{key!r}: {value!r}}}", file=sys.stderr)
            updated.append(canonical(case, key, value))
        stale += file_stale
        if args.check:
            if file_stale == 0 and path.read_text(encoding="utf-8") != dump(updated):
                print(f"{path.name}: not in canonical form (run regen.py)", file=sys.stderr)
                stale += 1
        else:
            text = dump(updated)
            if path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {len(cases)} cases")

    print(f"jinja2 {jinja2.__version__}: {total} cases, {stale} "
          f"{'stale' if args.check else 'updated'}")
    if args.check and stale:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
