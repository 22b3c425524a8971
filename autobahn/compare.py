#!/usr/bin/env python3
"""Checks an Autobahn|Testsuite report against the committed expectations.

    compare.py ROLE REPORT_DIR EXPECTED_JSON [--agent NAME] [--write]

Reads REPORT_DIR/index.json (written by wstest), takes each case's
`behavior` and `behaviorClose`, and fails (exit 1) when

- a case is not OK or INFORMATIONAL in either field (NON-STRICT, FAILED,
  UNIMPLEMENTED, WRONG CODE... are failures), or
- the results differ from EXPECTED_JSON (a case missing, added or changed).

It prints the time the suite spent on each section (the sum of the
report's per-case `duration`) and in all, then one summary line, such as
`autobahn server: 301 cases: 298 OK, 3 INFORMATIONAL, 0 other`.
A case counts as OK when both fields are OK, as INFORMATIONAL when both
fields pass and one is INFORMATIONAL, and as other otherwise.

With --write, EXPECTED_JSON is (re)written from the report instead, after
the same checks; review the diff before committing it.
"""

import argparse
import json
import os
import sys

PASSING = ("OK", "INFORMATIONAL")
MAX_LISTED = 40  # problems listed in full; the rest are counted


def case_key(case_id):
    """Sorts "9.10.2" after "9.2.1" (numerically, part by part)."""
    return tuple(int(p) if p.isdigit() else p for p in case_id.split("."))


def load_results(report_dir, agent):
    path = os.path.join(report_dir, "index.json")
    try:
        with open(path) as f:
            index = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("compare.py: cannot read the report %s: %s" % (path, e))
    if agent not in index:
        sys.exit("compare.py: no results for agent %r in %s (agents: %s)" % (agent, path, ", ".join(sorted(index)) or "none"))
    cases = index[agent]
    results = {}
    for case_id in sorted(cases, key=case_key):
        entry = cases[case_id]
        results[case_id] = {
            "behavior": entry.get("behavior"),
            "behaviorClose": entry.get("behaviorClose"),
        }
    return results, cases


def case_details(report_dir, entry):
    """The report's own words for one case, from its JSON file."""
    name = entry.get("reportfile")
    if not name:
        return []
    try:
        with open(os.path.join(report_dir, name)) as f:
            case = json.load(f)
    except (OSError, ValueError):
        return []
    lines = []
    for key in ("description", "expectation", "result", "resultClose"):
        if case.get(key):
            lines.append("%s: %s" % (key, " ".join(str(case[key]).split())))
    for key in ("expected", "received"):
        if key in case:
            text = json.dumps(case[key])
            if len(text) > 400:
                text = text[:400] + "..."
            lines.append("%s: %s" % (key, text))
    return lines


def print_times(role, raw):
    """Per-section and total time, from each case's `duration` (ms)."""
    sections = {}
    for case_id, entry in raw.items():
        n, ms = sections.get(case_id.split(".")[0], (0, 0))
        sections[case_id.split(".")[0]] = (n + 1, ms + (entry.get("duration") or 0))
    for section in sorted(sections, key=case_key):
        n, ms = sections[section]
        print("autobahn %s: section %s: %d cases in %.1f s" % (role, section, n, ms / 1000.0))
    print("autobahn %s: all sections: %d cases in %.1f s"
          % (role, sum(n for n, _ in sections.values()), sum(ms for _, ms in sections.values()) / 1000.0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("role", help="server or client (only used in messages)")
    parser.add_argument("report_dir")
    parser.add_argument("expected")
    parser.add_argument("--agent", default="wsproto")
    parser.add_argument("--write", action="store_true", help="write EXPECTED from the report")
    args = parser.parse_args()

    results, raw = load_results(args.report_dir, args.agent)
    problems = []

    counts = {"OK": 0, "INFORMATIONAL": 0, "other": 0}
    for case_id, r in results.items():
        fields = (r["behavior"], r["behaviorClose"])
        if all(f == "OK" for f in fields):
            counts["OK"] += 1
        elif all(f in PASSING for f in fields):
            counts["INFORMATIONAL"] += 1
        else:
            counts["other"] += 1
            problems.append(("below the bar", case_id, r))

    if args.write:
        with open(args.expected, "w") as f:
            f.write("{\n")
            items = list(results.items())
            for i, (case_id, r) in enumerate(items):
                f.write('  "%s": {"behavior": "%s", "behaviorClose": "%s"}%s\n'
                        % (case_id, r["behavior"], r["behaviorClose"], "," if i + 1 < len(items) else ""))
            f.write("}\n")
        print("autobahn %s: wrote %s" % (args.role, args.expected))
    else:
        try:
            with open(args.expected) as f:
                expected = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit("compare.py: cannot read the expected results %s: %s" % (args.expected, e))
        for case_id in sorted(set(expected) | set(results), key=case_key):
            want, got = expected.get(case_id), results.get(case_id)
            if want is None:
                problems.append(("not in the expected results", case_id, got))
            elif got is None:
                problems.append(("missing from the report", case_id, {"expected": want}))
            elif want != got:
                problems.append(("differs from expected %s/%s" % (want.get("behavior"), want.get("behaviorClose")),
                                 case_id, got))

    seen = set()
    for n, (what, case_id, r) in enumerate(problems):
        if n == MAX_LISTED:
            print("autobahn %s: ... and %d more" % (args.role, len(problems) - n))
            break
        print("autobahn %s: case %s %s: behavior %s, behaviorClose %s"
              % (args.role, case_id, what, r.get("behavior"), r.get("behaviorClose")))
        if case_id in raw and case_id not in seen:
            seen.add(case_id)
            for line in case_details(args.report_dir, raw[case_id]):
                print("    " + line)

    print_times(args.role, raw)
    print("autobahn %s: %d cases: %d OK, %d INFORMATIONAL, %d other"
          % (args.role, len(results), counts["OK"], counts["INFORMATIONAL"], counts["other"]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
