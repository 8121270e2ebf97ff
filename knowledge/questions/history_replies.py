"""Replies about a council across its loaded elections, each a thin headline over an answer
that `knowledge.history` computes (last time, hold or gain, swing, councillors now, a person's
record, a party's first win and its seats and share per election). Nothing about history is
worked out here: with one election of a council loaded, the history answers say so and so do
these headlines."""

from __future__ import annotations

from knowledge.answers import Answer, FactAnswer, NotFoundAnswer
from knowledge.compose import election_ref
from knowledge.facts import ContestResult
from knowledge.history.answers import (
    LastTime,
    PartyHistoryAnswer,
    PartyHistoryRow,
    SeatLine,
    short,
)
from knowledge.history.changes import seat_changes
from knowledge.history.commands import councillors_answer
from knowledge.history.index import history_index
from knowledge.history.people import person_history
from knowledge.history.swings import WardSwing, council_swings
from knowledge.history.trends import council_history, party_history
from knowledge.history.turnout import TurnoutChange, turnout_change
from knowledge.history.wards import last_time, ward_history
from knowledge.parties import Party
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import (
    FEWEST,
    PARTY_CHANGE,
    TIMES_COUNT,
    TURNOUT_DOWN,
    TURNOUT_UP,
    UNCHANGED,
    WIN,
)
from knowledge.questions.phrasing import (
    at_most,
    join,
    num,
    party_noun,
    pct,
    plural,
    sentence,
    with_verdict,
)
from knowledge.questions.registry import reply
from knowledge.questions.seat_moves import holds_and_gains
from knowledge.questions.spotting import PLACEHOLDER


def _last(ask: Ask) -> tuple[Answer, LastTime | str]:
    """The ward's answer in this election, and its last-time comparison (or why there is none)."""
    contest = ask.wards[0]
    answer = ask.ward_answer(contest)
    found = last_time(ask.store, ask.election.id, contest.ward)
    return answer, found if found is not None else f"{contest.ward} has no contest here."


@reply("history.last_time")
def _last_time(ask: Ask) -> Answer:
    answer, found = _last(ask)
    return headed(answer, found if isinstance(found, str) else found.line)


@reply("history.party_last_time")
def _party_last_time(ask: Ask) -> Answer:
    """A party's share in the ward against its previous contest, and who won that one."""
    answer, found = _last(ask)
    if isinstance(found, str) or found.boundary:
        return headed(answer, found if isinstance(found, str) else found.line)
    party = ask.parties[0]
    noun = sentence(party_noun(ask.store, party.key, party.display))
    ward, now, then = ask.wards[0].ward, short(found.current), short(found.previous)
    share = next((s for s in found.shares if s.party_key == party.key), None)
    if share is None:
        text = f"{noun} had no candidate in {ward} in {now}"
    else:
        text = f"{noun} got {pct(share.share)} of the votes in {ward} in {now} ("
        text += f"{plural(share.votes, 'vote')})"
        if share.change is None:
            text += f", not having stood there in {then}"
        else:
            direction = "up" if share.change > 0 else "down"
            text += f", {direction} {abs(share.change):.1f} points on {then}"
    won = ", ".join(found.previous_winners) or "no one"
    return headed(answer, f"{text}; in {then} the seat went to {won}.")


@reply("history.gain")
def _gain(ask: Ask) -> Answer:
    answer, found = _last(ask)
    if isinstance(found, str):
        return headed(answer, found)
    if found.boundary:
        return headed(answer, found.line)
    gains = [s for s in found.seats if s.outcome == "gain"]
    known = [s for s in found.seats if s.outcome in ("hold", "gain")]
    verdict = "Yes" if gains else ("No" if known else "The loaded data can't say")
    text = f"{verdict} — {holds_and_gains(found)}."
    return headed(answer, text + "".join(f" Data warning: {w}." for w in found.warnings))


@reply("history.swing")
def _swing(ask: Ask) -> Answer:
    answer, found = _last(ask)
    if isinstance(found, str):
        return headed(answer, found)
    if found.boundary:
        return headed(answer, found.line)
    ward = ask.wards[0].ward
    if found.swing is None:
        note = found.swing_note or "no swing"
        return headed(answer, f"{ward}, {short(found.previous)}→{short(found.current)}: {note}.")
    swing = found.swing
    return headed(answer, f"Swing in {ward}: {swing.text} ({swing.rule}).")


@reply("history.biggest_swing")
def _biggest_swing(ask: Ask) -> Answer:
    found = council_swings(ask.store, ask.election.id)
    if isinstance(found, str):
        return headed(ask.summary(), found)
    towards, away = _swing_direction(ask)
    swings = [
        w
        for w in found.swings
        if (towards is None or w.to_key == towards.key) and (away is None or w.from_key == away.key)
    ]
    smallest = ask.has(FEWEST)
    if smallest:
        swings.reverse()
    direction = ""
    if towards is not None:
        direction += f" to {ask.party_of(towards.key, towards.display)}"
    if away is not None:
        direction += f" from {ask.party_of(away.key, away.display)}"
    which = f"{'smallest' if smallest else 'biggest'} swing{direction}"
    title = ask.election.title
    if not swings:
        if found.swings:
            text = (
                f"no ward of the {title} swung{direction}: each ward's swing runs between its "
                f"two leading parties, and none of the {plural(len(found.swings), 'ward')} "
                "with a swing to compare matches."
            )
        else:
            why = found.reasons[0] if found.reasons else "no ward has an earlier contest"
            text = f"I can't work out a swing in any ward of the {title}: {why}."
        return headed(ask.summary(), sentence(text))
    top, rest = swings[0], swings[1:3]
    text = f"The {which} was in {top.ward}: {_swing_words(top)}"
    if rest:
        text += f"; then {join([f'{w.ward} ({w.points:.1f})' for w in rest])}"
    kind = f"a swing{direction}" if direction else "a swing to compare"
    many = len(swings) > 1
    text += f", of {len(swings)} wards with {kind}." if many else f", the only ward with {kind}."
    return FactAnswer(
        headline=text,
        election=election_ref(ask.election),
        title=sentence(which) + "s"[: len(swings) > 1],
        lines=tuple(f"{w.ward}: {_swing_words(w)}" for w in swings[:MAX_SWINGS]),
    )


MAX_SWINGS = 15


def _swing_words(swing: WardSwing) -> str:
    stated = f" (the document states {swing.stated})" if swing.stated else ""
    return (
        f"{swing.points:.1f} points from {swing.from_party} to {swing.to_party} since "
        f"{short(swing.since)}{stated}"
    )


def _swing_direction(ask: Ask) -> tuple[Party | None, Party | None]:
    """The party a swing is asked to run towards, and from: "to Labour", "away from Labour",
    "from Labour to the Greens" (one party alone: towards it, unless "from" is before it)."""
    parties = ask.parties
    if not parties:
        return None, None
    if len(parties) > 1:
        backwards = f"to {PLACEHOLDER} from {PLACEHOLDER}" in ask.present
        return (parties[0], parties[1]) if backwards else (parties[1], parties[0])
    if f"from {PLACEHOLDER}" in ask.present and f"to {PLACEHOLDER}" not in ask.present:
        return None, parties[0]
    return parties[0], None


@reply("history.held_before")
def _held_before(ask: Ask) -> Answer:
    answer, found = _last(ask)
    if isinstance(found, str):
        return headed(answer, found)
    ward = ask.wards[0].ward
    winners = join(list(found.previous_winners)) or "nobody the document names"
    text = f"Before the {found.current.title}, {ward} was last contested at the "
    text += f"{found.previous.title}: {winners} won."
    return headed(answer, text + (f" {found.boundary}." if found.boundary else ""))


@reply("history.councillors")
def _councillors(ask: Ask) -> Answer:
    answer = councillors_answer(ask.store, ask.election.id, ask.wards[0].ward)
    holders = [f"{h.name} ({h.party}, elected {short(h.elected)})" for h in answer.holders]
    if holders:
        text = f"{answer.ward}'s councillors by the loaded data (as of the "
        text += f"{answer.election.title}): {join(holders)}."
    else:
        text = f"The loaded data doesn't show who holds {answer.ward}'s seats now."
    text += "".join(f" {m[0].upper()}{m[1:]}." for m in answer.missing)
    return headed(answer, text)


def _person(ask: Ask) -> Answer | None:
    ref = ask.candidates[0]
    return person_history(ask.store, ref.election_id, ref.name)


def _one_election(ask: Ask) -> str:
    council = history_index(ask.store).council_of(ask.election.id)
    if council is not None and len(council.elections) == 1:
        return f" No earlier election of {council.name} is loaded."
    return ""


@reply("history.stood")
def _stood(ask: Ask) -> Answer:
    person = _person(ask)
    if person is None or person.kind != "person_history":
        return ask.candidate_answer(ask.candidates[0])
    times = "once" if person.stood == 1 else f"{person.stood} times"
    rows = [
        f"{short(r.election)} ({r.ward}, {r.party}, {'elected' if r.elected else 'not elected'})"
        for r in person.rows
    ]
    if ask.has(PARTY_CHANGE):  # "has X changed party": the parties, in the order stood for
        parties = list(dict.fromkeys(r.party for r in person.rows))
        verdict = ("Yes — " if len(parties) > 1 else "No — ") if ask.yes_no else ""
        said = f"{verdict}{person.name} has stood for {join(parties)}"
    elif ask.has(WIN):  # "how many times has X been elected"
        won = "once" if person.won == 1 else f"{person.won} times"
        said = f"{person.name} has been elected {won}, standing {times},"
    else:
        verdict = ("Yes — " if person.stood > 1 else "No — ") if ask.yes_no else ""
        said = f"{verdict}{person.name} has stood {times}"
    text = f"{said} in the loaded elections of {person.council}: {join(rows)}; "
    text += f"won {num(person.won)}."
    text += _one_election(ask) + "".join(f" Note: {d}." for d in person.doubts)
    return headed(person, text + f" ({person.match_note}.)")


@reply("history.still_councillor")
def _still(ask: Ask) -> Answer:
    person = _person(ask)
    if person is None or person.kind != "person_history":
        return ask.candidate_answer(ask.candidates[0])
    now = person.now or f"{person.name} has not won a seat in the loaded elections."
    verdict = "Yes" if now.startswith("A councillor") else "No"
    return headed(person, f"{verdict} — {person.name}: {now}{_one_election(ask)}")


@reply("history.first_win")
def _first_win(ask: Ask) -> Answer:
    party = ask.parties[0]
    found = party_history(ask.store, ask.election.id, party)
    if found is None:
        return ask.party_answer(party)
    noun = ask.party_of(party.key, party.display)
    if found.first_win is None:
        text = f"{noun} did not win a seat in the loaded elections of {found.council}."
    else:
        text = f"{noun} first won a seat (of the loaded elections) at {found.first_win}"
        if found.last_win and found.last_win != found.first_win:
            text += f", and last at {found.last_win}"
        text += "."
    text = text[0].upper() + text[1:]
    return headed(found, text + "".join(f" {n}" for n in found.notes))


@reply("history.last_win")
def _last_win(ask: Ask) -> Answer:
    """ "When did Labour last win Abbey", or a seat anywhere: the newest loaded election the
    party won in, not only the election in scope (where it may have won nothing)."""
    party = ask.parties[0]
    noun = ask.party_of(party.key, party.display)
    if ask.wards:
        return _last_win_in(ask, party, noun, ask.wards[0])
    found = party_history(ask.store, ask.election.id, party)
    council = history_index(ask.store).council_of(ask.election.id)
    if found is None or council is None:
        return ask.party_answer(party)
    for election in reversed(council.elections):
        won = [
            contest.ward
            for contest in ask.store.facts(election.id).contests
            for standing in contest.elected
            if standing.party.key == party.key
        ]
        if won:
            wards = join(at_most(sorted(set(won)), _WARDS_NAMED))
            text = (
                f"{noun} last won a seat (of the loaded elections of {found.council}) at the "
                f"{election.title}: {plural(len(won), 'seat')}, in {wards}."
            )
            break
    else:
        text = f"{noun} did not win a seat in the loaded elections of {found.council}."
    return headed(found, sentence(text) + "".join(f" {n}" for n in found.notes))


_WARDS_NAMED = 6


def _last_win_in(ask: Ask, party: Party, noun: str, contest: ContestResult) -> Answer:
    found = ward_history(ask.store, ask.election.id, contest.ward)
    if found is None:
        return ask.ward_answer(contest)
    ward = found.ward
    wins = [r for r in found.rows if any(w.party_key == party.key for w in r.winners)]
    if not wins:
        years = join([short(r.election) for r in found.rows])
        text = f"{noun} have not won {ward} in any loaded election of {found.council} ({years})."
    else:
        last = wins[-1]
        names = join([_seat(w) for w in last.winners if w.party_key == party.key])
        text = f"{noun} last won {ward} (of the loaded elections) at the {last.election.title}: "
        text += f"{names}."
        latest = found.rows[-1]
        if latest is not last:
            since = join([_seat(w, w.party) for w in latest.winners])
            text += f" At the {latest.election.title}, {since} won it."
    if len(found.rows) == 1:  # "... is contested in only one loaded election."
        text += "".join(f" {n}" for n in found.notes[:1])
    return headed(found, sentence(text))


def _seat(line: SeatLine, party: str = "") -> str:
    """ "Syeda Kazmi (929 votes)", or with the party: "(Labour, 929 votes)"."""
    said = [party] if party else []
    if line.votes is not None:
        said.append(f"{num(line.votes)} votes")
    return f"{line.name} ({', '.join(said)})" if said else line.name


def _row(row: PartyHistoryRow) -> str:
    change = f", {row.share_change:+.1f} pts" if row.share_change is not None else ""
    return (
        f"{short(row.election)}: {plural(row.seats_won, 'seat')} of {row.seats_contested}, "
        f"{num(row.votes)} votes ({row.share:.1f}%{change})"
    )


def _party_record(ask: Ask) -> tuple[PartyHistoryAnswer | None, str]:
    """The named party's history in this council, and its name to open a sentence with."""
    party = ask.parties[0]
    noun = ask.party_of(party.key, party.display)
    return party_history(ask.store, ask.election.id, party), noun[0].upper() + noun[1:]


@reply("history.party_since")
def _party_since(ask: Ask) -> Answer:
    found, noun = _party_record(ask)
    if found is None:
        return ask.party_answer(ask.parties[0])
    rows = [r for r in found.rows if r.election.id == ask.election.id] + [
        r for r in found.rows[-1:] if r.election.id != ask.election.id
    ]
    if len(rows) < 2:
        text = f"{noun} in {found.council}: " + "; ".join(_row(r) for r in found.rows) + "."
        return headed(found, text + "".join(f" {n}" for n in found.notes))
    text = f"{noun} in {found.council}, {short(rows[0].election)} against "
    text += f"{short(rows[1].election)}: " + "; ".join(_row(r) for r in rows) + "."
    return headed(found, text)


_TREND_ROWS = 6
"""Elections a party's record names in its headline, newest last (the answer lists all)."""


@reply("history.party_trend")
def _party_trend(ask: Ask) -> Answer:
    """ "how has Labour done over the years": seats and share in each loaded election."""
    found, noun = _party_record(ask)
    if found is None:
        return ask.party_answer(ask.parties[0])
    rows = found.rows[-_TREND_ROWS:]
    earlier = len(found.rows) - len(rows)
    text = f"{noun} in {found.council}: " + "; ".join(_row(r) for r in rows)
    if earlier:
        text += f" ({plural(earlier, 'earlier election')} in the full answer)"
    return headed(found, text + "." + "".join(f" {n}" for n in found.notes))


@reply("history.changed_hands")
def _changed_hands(ask: Ask) -> Answer:
    whole = council_history(ask.store, ask.election.id)
    if whole is None:
        return NotFoundAnswer(what="election", query="", message="No council history.")
    found = seat_changes(ask.store, ask.election.id)
    if isinstance(found, str):
        return headed(whole, found)
    head = f"At the {found.title}, against each ward's previous loaded contest"
    moved = {m.ward for m in found.moves}
    kept = sorted(w for w in found.compared_wards if w not in moved)
    if ask.has(UNCHANGED):  # "did any ward not change hands": the wards held, first
        verdict = ("Yes — " if kept else "No — ") if ask.yes_no else ""
        text = (
            f"{head}, {plural(len(kept), 'ward')} of {found.compared} did not change hands: "
            f"{join(at_most(kept, _KEPT_NAMED))}."
            if kept
            else f"{head}, every one of the {found.compared} wards compared changed hands."
        )
        return headed(whole, with_verdict(verdict, text))
    if not found.moves:
        return headed(whole, f"{head}: no seat changed hands ({found.compared} wards compared).")
    count = plural(len(found.moves), "seat")
    changes = "; ".join(f"{m.ward} ({m.text})" for m in found.moves)
    text = f"{head}, {count} changed hands: {changes}."
    if kept and len(kept) <= _KEPT_NAMED:
        text += f" No change in {join(kept)}."
    return headed(whole, text)


_KEPT_NAMED = 12
"""Wards named as not changing hands (more are counted)."""


@reply("history.turnout_change")
def _turnout_change(ask: Ask) -> Answer:
    wards = tuple(c.ward for c in ask.wards)
    answer: Answer = ask.ward_answer(ask.wards[0]) if len(ask.wards) == 1 else ask.summary()
    found = turnout_change(ask.store, ask.election.id, wards)
    if isinstance(found, str):
        return headed(answer, found)
    change = found.now - found.before
    rose = change > 0
    up, down = ask.has(TURNOUT_UP), ask.has(TURNOUT_DOWN)
    verdict = ""
    if ask.yes_no and up != down and change:  # "did it go up?", not "up or down?"
        verdict = "Yes — " if rose == up else "No — "
    return headed(answer, with_verdict(verdict, _turnout_text(found, rose, change)))


def _turnout_text(found: TurnoutChange, rose: bool, change: float) -> str:
    since = join([short(ref) for ref in found.since])
    percent = found.basis == "percent"
    figures = (
        f"from {found.before:.1f}% to {found.now:.1f}% on average per ward ({change:+.1f} points)"
        if percent
        else f"{num(int(found.now))} ballots cast against {num(int(found.before))} in those "
        f"wards (no percentages are given in both)"
    )
    if len(found.wards) == 1:
        ward = found.wards[0]
        moved = "rose" if ward.change > 0 else ("fell" if ward.change < 0 else "was unchanged")
        if percent:
            return (
                f"Turnout in {ward.ward} {moved}: {ward.now:.1f}% against {ward.before:.1f}% "
                f"({since})."
            )
        return (
            f"Turnout in {ward.ward} {moved}: {num(int(ward.now))} ballots cast against "
            f"{num(int(ward.before))} ({since}; no percentages are given in both)."
        )
    count = len(found.wards)
    if found.rose == count or found.fell == count:
        every = "both" if count == 2 else f"all {count}"
        moves = f"it {'rose' if found.rose else 'fell'} in {every} wards"
    else:
        moves = f"it rose in {found.rose} and fell in {found.fell} of the {count} wards"
    overall = "up" if rose else ("down" if change else "unchanged")
    left = f"; {plural(found.without, 'ward')} had no figure to compare" if found.without else ""
    return (
        f"Turnout was {overall}: {moves} with a figure in both elections, against each one's "
        f"previous contest ({since}), {figures}{left}."
    )


@reply("history.ward_trend")
def _ward_trend(ask: Ask) -> Answer:
    """Each loaded contest of the ward with its winners; with a party named in a yes-or-no
    question, whether that party won every seat every time."""
    contest = ask.wards[0]
    found = ward_history(ask.store, ask.election.id, contest.ward)
    if found is None:
        return ask.ward_answer(contest)
    shown = found.rows[-_CONTESTS_NAMED:]
    parts = [
        f"{short(r.election)}: "
        + (join([f"{w.name} ({w.party})" for w in r.winners]) or "no winner")
        for r in shown
    ]
    earlier = len(found.rows) - len(shown)
    lead = f"{found.ward}, in the loaded elections of {found.council}"
    if earlier:
        lead += f" (the last {len(shown)} of {len(found.rows)} contests)"
    text = f"{lead}: {'; '.join(parts)}."
    if ask.parties and ask.has(TIMES_COUNT):  # "how many times has Labour won Bank Hall"
        party = ask.parties[0]
        won = sum(any(w.party_key == party.key for w in r.winners) for r in found.rows)
        noun = sentence(party_noun(ask.store, party.key, party.display))
        text = f"{noun} won {found.ward} in {won} of the {len(found.rows)} loaded contests. {text}"
    elif ask.parties and ask.yes_no:
        party = ask.parties[0]
        every = all(
            r.winners and all(w.party_key == party.key for w in r.winners) for r in found.rows
        )
        text = with_verdict("Yes — " if every else "No — ", text)
    if len(found.rows) == 1:
        text += "".join(f" {n}" for n in found.notes[:1])
    return headed(found, text)


_CONTESTS_NAMED = 8
