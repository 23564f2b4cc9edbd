#!/usr/bin/env python3
"""What a literal prefilter per rule could save: an experiment, not a feature.

For a few costly rules, a hand-written cheap test (PREFILTERS below: every regex in the list
must match somewhere in the body) stands in for "the body contains the literals this rule
cannot match without". The script measures, with the LintBenchmarks `patterns` tool mode:
the rule's patterns over every corpus body, the prefilter over every body (first match only),
and the rule's patterns over the bodies that pass. "matches kept" checks on this corpus that
the prefilter drops no match.

The prefilters are written against the patterns as they were on 2026-11-26; when a rule
changes, check its prefilter still covers every way the rule can match. A real prefilter would
be a literal scan (memchr/Aho-Corasick), much cheaper than the PCRE2 stand-in timed here, so the
estimates are conservative.

    python3 Benchmarks/prefilter_estimate.py   # after python_re_baseline.py or collect_figures.sh built .build-bench
"""

import json
import os
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build-bench" / "release"

PREFILTERS = {
    "external-link.obfuscated-link": [
        r"[\[({<]\s{0,2}(?:dot|\.)\s{0,2}[\])}>]|\sdot\s|h[\s._*-]{0,3}t[\s._*-]{0,3}t[\s._*-]{0,3}p|h[tx]{2}ps?\s{0,3}(?::|\[:\]|\(:\))"],
    "review-solicitation.incentive": [
        r"review|feedback|rating|testimonial|star",
        r"refund|rebate|gift|voucher|coupon|discount|%|free|exchange|return\s+for|reimburs|cash\s?back|money\s+back"
        r"|compensat|reward|paypal|prize|giveaway|bonus|credit|[$£€]|\d\s+(?:back|off)"],
    "external-link.bare-domain": [r"[\w-]\.[\w-]|xn--"],
    "contact-info.phone-number": [r"\d(?:\D{0,3}\d){6}"],
    "contact-info.obfuscated-email": [
        r"@|[\[({<]\s{0,2}at\s{0,2}[\])}>]|\sat\s{1,3}(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac"
        r"|aol|gmx|web|proton|pm|yandex|mail|zoho|qq|163|126|t-online|bt|orange|free|libero|laposte|comcast|verizon|att"
        r"|sky|virgin)|\sdot\s"],
}


def swift_time(items, texts, first_only=False):
    payload = {"patterns": items, "texts": texts, "min_seconds": 1, "first_only": first_only}
    path = Path("/tmp/parley_prefilter_input.json")
    path.write_text(json.dumps(payload), encoding="utf-8")
    env = dict(os.environ, PARLEY_BENCH_MODE="patterns", PARLEY_BENCH_INPUT=str(path))
    out = subprocess.run([str(BIN / "LintBenchmarks")], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    rules_dir = os.environ.get("PARLEY_BENCH_RULES_DIR") or ROOT / "rules"
    corpus_dir = Path(os.environ.get("PARLEY_BENCH_CORPUS_DIR") or ROOT / "corpus")
    catalog = subprocess.run([str(BIN / "parley"), "rules", "list", "--format", "json", "--rules", str(rules_dir)],
                             capture_output=True, text=True, check=True).stdout
    rules = {rule["id"]: rule for rule in json.loads(catalog)["rules"]}
    bodies = [case.get("body") or "" for path in sorted(corpus_dir.glob("*.yaml"))
              for case in (yaml.safe_load(path.read_text(encoding="utf-8")) or [])]
    print("| rule | bodies passing | rule, all bodies (ms) | prefilter (ms) | rule, passing bodies (ms) | with prefilter (ms) | matches kept |")
    print("|---|---|---|---|---|---|---|")
    for rule_id, filters in PREFILTERS.items():
        rule = rules.get(rule_id)
        if rule is None:
            print(f"| {rule_id} | (rule gone) | | | | | |")
            continue
        compiled = [re.compile(f, re.IGNORECASE) for f in filters]
        passing = [b for b in bodies if all(c.search(b) for c in compiled)]
        items = [{"pattern": p, "caseless": rule["caseless"]} for p in rule["patterns"]]
        full = swift_time(items, bodies)
        part = swift_time(items, passing) if passing else {"median_seconds": 0.0, "matches": 0}
        pre = swift_time([{"pattern": f, "caseless": True} for f in filters], bodies, first_only=True)
        estimate = pre["median_seconds"] + part["median_seconds"]
        saving = (1 - estimate / full["median_seconds"]) * 100
        print(f"| {rule_id} | {len(passing)}/{len(bodies)} | {full['median_seconds'] * 1e3:.2f} | {pre['median_seconds'] * 1e3:.2f} | "
              f"{part['median_seconds'] * 1e3:.2f} | {estimate * 1e3:.2f} ({saving:.0f} % less) | {part['matches']}/{full['matches']} |")


if __name__ == "__main__":
    main()
