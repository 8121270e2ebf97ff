"""A document written to do harm renders harmlessly: no live pings, no broken embeds.

Names in a Wikipedia article or a Democracy Club export are other people's text. Whatever they
hold (`@everyone`, role and user mentions, markdown links, huge names), every answer built from
them escapes it and fits Discord's limits.
"""

from __future__ import annotations

import re

from test_limits import within_limits

from bot import embeds
from bot.text import render as render_text
from knowledge import ResultsStore, run_text
from knowledge.questions.answering import answer_question

HUGE = "Z" * 5000
WIKI = f"""<!-- https://en.wikipedia.org/wiki/2022_@everyone_Council_election revision 1 -->
The '''2022 @everyone Council election''' took place on 5 May 2022.
@here kept control of the council.
==Results==
{{{{Election box begin|title=<@&123456789012345678> [click](https://evil.example) (2 seats)}}}}
{{{{Election box candidate with party link|party=@here|candidate=@everyone|votes=900}}}}
{{{{Election box candidate with party link|party=<@123456789012345678>
|candidate=<@!123456789012345678> **bold**|votes=800}}}}
{{{{Election box candidate with party link|party=Labour Party (UK)|candidate={HUGE}|votes=800}}}}
{{{{Election box candidate with party link|party=`code`|candidate=@​here ||spoiler|||votes=10}}}}
{{{{Election box end}}}}
"""
CSV = (
    "person_name,election_id,post_label,party_name,votes_cast,elected\n"
    f'"@everyone, @here",local.evil.2022-05-05,"<#123> & @here",@everyone,10,t\n'
    f"{HUGE},local.evil.2022-05-05,<#123> & @here,[x](https://evil.example),5,f\n"
)
PING = re.compile(r"@(everyone|here)\b|<@[!&]?\d{17,20}>")
COMMANDS = [
    "/summary",
    "/closest",
    "/elections",
    "/ward click",
    "/ward here",
    "/candidate everyone",
    "/party here",
]
QUESTIONS = ["who won?", "who won in click", "how did everyone do", "who controls the council"]


def _live_pings(text: str) -> list[str]:
    return [m[0] for m in PING.finditer(text)]


def test_hostile_names_never_ping_and_always_fit() -> None:
    """Every command and question over both hostile documents: escaped and within limits."""
    store = ResultsStore.from_texts([("evil.wiki", WIKI), ("local.evil.2022-05-05.csv", CSV)])
    assert store.errors == [] and len(store.elections) == 2
    answers = [run_text(store, c, election=e.id) for e in store.elections for c in COMMANDS]
    answers += [answer_question(store, q) for q in QUESTIONS]
    for answer in answers:
        embed = embeds.render(answer)
        within_limits(embed)
        shown = embed.to_dict()
        # Discord renders mentions only in descriptions and field values (titles, field names
        # and footers show them as plain text); no embed ever pings, but it must not look live.
        texts = [shown.get("description", "")]
        texts += [f["value"] for f in shown.get("fields", [])]
        for text in texts:
            assert _live_pings(text) == [], (answer.kind, text[:300])
        assert render_text(answer)  # the console renderer copes too
