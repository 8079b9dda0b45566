#!/usr/bin/env python3
"""Answer an analyst's question from vnplan's CSV export with DuckDB and with pandas.

Usage: analyst_answers.py TASKS.csv UNIT

Prints one JSON object: for each of duckdb and pandas, the number of task rows read and the
number of tasks a unit whose name contains UNIT leads (without regard to case or diacritics,
as `vnplan query --lead UNIT` matches). The Swift tests compare these with vnplan's own answer.
"""
import json
import sys
import unicodedata

import duckdb
import pandas


def fold(text):
    """No diacritics, đ as d, lower case: the form vnplan matches names in."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def main():
    path, unit = sys.argv[1], fold(sys.argv[2])
    # Lists are joined with "; " in CSV; a task matches when one of its lead units does.
    [(rows, led)] = duckdb.connect().execute(
        """
        SELECT count(*),
               count(*) FILTER (WHERE len(list_filter(string_split(coalesce(lead, ''), '; '),
                   lambda u: replace(strip_accents(lower(u)), 'đ', 'd') LIKE '%' || $unit || '%')) > 0)
        FROM read_csv($path, header = true, all_varchar = true)
        """,
        {"path": path, "unit": unit},
    ).fetchall()
    frame = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    pandas_led = sum(
        any(unit in fold(name) for name in lead.split("; ")) for lead in frame["lead"] if lead
    )
    print(json.dumps({"duckdb": {"rows": rows, "led": led},
                      "pandas": {"rows": len(frame), "led": int(pandas_led)}}))


if __name__ == "__main__":
    main()
