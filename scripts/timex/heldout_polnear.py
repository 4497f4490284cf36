#!/usr/bin/env python3
"""Writes the held-back time-expression set: six PolNeAR dev articles (2016 political news) with TIMEX3
annotations made by hand on 2026-11-29 before the tagger was run on them, as TimeML files the `tempeval`
example reads. The annotations are the table below (expression, type, value, in text order); the text and
the publication date (the DCT) come from ../shared/data/polnear.

Usage: scripts/timex/heldout_polnear.py crates/timex/tests/data/heldout-polnear
"""
import html
import os
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data/polnear/dev/text")
A = {
 "politico_2016-09-17_de-blasio-says-chelsea-explosion": ("2016-09-17", [
   ("tonight", "TIME", "2016-09-17TNI"), ("more hours", "DURATION", "PTXH"), ("today", "DATE", "2016-09-17"),
   ("around 8:30 p.m.", "TIME", "2016-09-17T20:30")]),
 "politico_2016-09-22_judge-rejects-new-york-times-req": ("2016-09-22", [
   ("25-year-old", "DURATION", "P25Y"), ("Thursday", "DATE", "2016-09-22"), ("Earlier this month", "DATE", "2016-09")]),
 "wash-post_2016-10-05_international-monetary-fund-slas": ("2016-10-05", [
   ("Tuesday", "DATE", "2016-10-04"), ("this year", "DATE", "2016"), ("July", "DATE", "2016-07"),
   ("this year", "DATE", "2016"), ("decades", "DURATION", "PXDE"), ("this week", "DATE", "2016-W40"),
   ("the end of March", "DATE", "2017-03"), ("years", "DURATION", "PXY"), ("Tuesday", "DATE", "2016-10-04"),
   ("the coming years", "DURATION", "PXY")]),
 "usa-today_2016-09-22_super-pac-haul-surges-past-b-sma": ("2016-09-22", [
   ("2012", "DATE", "2012"), ("next year", "DATE", "2017"), ("the end of August", "DATE", "2016-08"),
   ("2012", "DATE", "2012"), ("2012", "DATE", "2012"), ("last month", "DATE", "2016-08"),
   ("this week", "DATE", "2016-W38"), ("Jan. 1, 2015", "DATE", "2015-01-01"), ("recent weeks", "DURATION", "PXW"),
   ("August", "DATE", "2016-08"), ("this week", "DATE", "2016-W38"), ("2010", "DATE", "2010"),
   ("August", "DATE", "2016-08"), ("2016", "DATE", "2016")]),
 "politico_2016-09-25_poll-clinton-and-trump-in-dead-h": ("2016-09-25", [
   ("Monday", "DATE", "2016-09-26"), ("now", "DATE", "PRESENT_REF"), ("early September", "DATE", "2016-09"),
   ("August", "DATE", "2016-08"), ("Sept. 19", "DATE", "2016-09-19"), ("22", "DATE", "2016-09-22")]),
 "usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru": ("2016-09-08", [
   ("Wednesday", "DATE", "2016-09-07"), ("a decade", "DURATION", "P1DE"), ("weekly", "SET", "P1W"),
   ("This week", "DATE", "2016-W36"), ("the past", "DATE", "PAST_REF"), ("the past", "DATE", "PAST_REF"),
   ("now", "DATE", "PRESENT_REF"), ("July", "DATE", "2016-07")]),
}
def word_at(text, i, n):
    before = text[i-1] if i > 0 else " "
    after = text[i+n] if i + n < len(text) else " "
    return not (before.isalnum() or after.isalnum())
out_dir = sys.argv[1]
os.makedirs(out_dir, exist_ok=True)
for name, (dct, marks) in A.items():
    text = open(f"{SRC}/{name}.txt", encoding="utf-8").read()
    at, spans = 0, []
    for k, (snippet, kind, value) in enumerate(marks):
        i = text.find(snippet, at)
        while i >= 0 and not word_at(text, i, len(snippet)):
            i = text.find(snippet, i + 1)
        if i < 0:
            sys.exit(f"{name}: {snippet!r} not found after {at}")
        spans.append((i, i + len(snippet), kind, value, k + 1))
        at = i + len(snippet)
    body, last = [], 0
    for s, e, kind, value, tid in spans:
        body.append(html.escape(text[last:s], quote=False))
        body.append(f'<TIMEX3 tid="t{tid}" type="{kind}" value="{value}">{html.escape(text[s:e], quote=False)}</TIMEX3>')
        last = e
    body.append(html.escape(text[last:], quote=False))
    doc = (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{name}</DOCID>\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
           f'<TEXT>{"".join(body)}</TEXT>\n</TimeML>\n')
    open(os.path.join(out_dir, name + ".tml"), "w", encoding="utf-8").write(doc)
    print(name, len(spans))
