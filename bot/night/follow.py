"""The night's loop: poll the source, merge, save, write the document, post; one task a follow.

`NightDesk` is the bot's one entry point: `/live start`, `/live stop` and `/live status` call it,
and `resume()` at start-up picks up every follow that was active when the bot stopped. The
source failing (down, slow, rate-limited, sending what cannot be read) is recorded for
`/live status`, logged as a warning, and reported once per outage (then its recovery) in the
server's log channel when it set one; never posted in the results channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import discord

from bot import limits
from bot.answering import attach
from bot.answering.delivery import NO_MENTIONS
from bot.embed_basics import safe
from bot.guild_settings import GuildSettingsService
from bot.importing.client import user_agent
from bot.night.poster import COALESCE_SECONDS, History, Poster
from bot.night.source import DemocracyClubSource, Poll, SourceError, SourceStatus, interval_for
from bot.night.state import Follow, NightState
from bot.pictures import Picture
from bot.settings import DEFAULT_CONTACT
from knowledge import ResultsStore, run_command
from knowledge.answers import SummaryAnswer, WardAnswer
from knowledge.history.answers import LastTime
from knowledge.history.wards import last_time
from knowledge.models import Election
from knowledge.night import ExpectedContest, FollowedElection, merge, night_document
from knowledge.night.loaded import dc_election_date, declarations_from, expected_from
from knowledge.readers import read_document, read_text
from knowledge.values import slugify

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

DC_ID = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+\.\d{4}-\d{2}-\d{2}$")
DOCUMENT_INTERVAL = 5.0
SLOW_SECONDS = 10.0
STEP_RETRY_MAX = 60.0
"""A poll answered later than this counts as the source being slow (reported like an outage)."""


@dataclass
class NightConfig:
    """Everything the night needs from the settings."""

    data_dir: Path | None = None
    """Where the night's documents are written (the elections folder); None: not written."""
    democracyclub_url: str = "https://candidates.democracyclub.org.uk"
    democracyclub_token: str | None = None
    contact: str = DEFAULT_CONTACT
    """Named in the User-Agent, as for imports: Democracy Club can reach whoever runs the bot."""
    poll_seconds: float | None = None
    coalesce_seconds: float = COALESCE_SECONDS
    document_seconds: float = DOCUMENT_INTERVAL
    """How often a followed document's file is checked for changes."""
    slow_seconds: float = SLOW_SECONDS
    pictures: bool = True
    """Attach the ward chart to each result and the seat diagram to the summary."""


def night_config(settings: Settings) -> NightConfig:
    """The night's settings: the data folder and the Democracy Club source (its state lives in
    the per-server settings database)."""
    token = settings.democracyclub_token
    data = settings.elections_data
    return NightConfig(
        data_dir=data if data.is_dir() else data.parent,
        democracyclub_url=settings.democracyclub_url,
        democracyclub_token=token.get_secret_value().strip() or None if token else None,
        poll_seconds=settings.live_poll_seconds,
        contact=settings.import_contact,
    )


class Source(Protocol):
    status: SourceStatus

    def delay(self) -> float: ...

    async def ballots(self) -> list[ExpectedContest]: ...

    async def poll(self, expected: tuple[ExpectedContest, ...] = ()) -> Poll: ...


class DocumentSource:
    """A loaded election's document, re-read whenever its file changes during the night."""

    def __init__(self, path: Path, election_id: str, interval: float = DOCUMENT_INTERVAL) -> None:
        self.path = path
        self.election_id = election_id
        self.interval = interval
        self.status = SourceStatus()
        self._seen: float | None = None
        self._next = 0.0

    def delay(self) -> float:
        return max(0.0, self._next - asyncio.get_running_loop().time())

    async def ballots(self) -> list[ExpectedContest]:
        election = self._read()
        return list(expected_from(election)) if election else []

    def _read(self) -> Election | None:
        try:
            elections = read_document(self.path.read_bytes(), self.path.name)
        except Exception as error:  # a half-saved edit: report it and read it again later
            raise SourceError(f"{self.path.name} could not be read: {error}") from None
        return next((e for e in elections if e.id == self.election_id), None)

    async def poll(self, expected: tuple[ExpectedContest, ...] = ()) -> Poll:
        self._next = asyncio.get_running_loop().time() + self.interval
        self.status.last_poll = dt.datetime.now(dt.UTC)
        try:
            mtime = self.path.stat().st_mtime
            if mtime == self._seen:
                self.status.last_success = self.status.last_poll
                return Poll()
            election = await asyncio.to_thread(self._read)
        except (OSError, SourceError) as error:
            self.status.last_error = str(error)
            self.status.consecutive_errors += 1
            raise SourceError(str(error)) from None
        self._seen = mtime
        self.status.last_error, self.status.consecutive_errors = None, 0
        self.status.last_success = self.status.last_poll
        return Poll(declarations=list(declarations_from(election)) if election else [], pages=1)


@dataclass
class Run:
    """One followed election, running."""

    follow: Follow
    followed: FollowedElection
    source: Source
    poster: Poster
    task: asyncio.Task[None] | None = None
    ballots_known: bool = False
    finished: bool = False
    notes: list[str] = field(default_factory=list)
    problem: str | None = None
    """The source's current outage (down, slow, rate-limited), reported once; None when well."""
    problem_since: dt.datetime | None = None
    unreadable: set[str] = field(default_factory=set)
    """Results the source sent that could not be read, each reported once."""


def title_for(election_id: str) -> str:
    """`local.derby.2026-05-07` -> `2026 Derby local election` (a title the reader can date)."""
    parts = election_id.split(".")
    when = dc_election_date(election_id)
    place = " ".join(w.capitalize() for w in parts[1].split("-")) if len(parts) > 2 else ""
    kind = {"local": "local election", "mayor": "mayoral election"}.get(parts[0], "election")
    return f"{when.year if when else ''} {place} {kind}".strip().replace("  ", " ")


def _same_folder(store: ResultsStore, folder: Path) -> bool:
    """The store was loaded from `folder` (so reloading it reads what the night wrote)."""
    if store.origin is None:
        return False
    try:
        return store.origin[0].resolve() == folder.resolve()
    except OSError:
        return False


class NightDesk:
    """Every follow of the running bot."""

    def __init__(
        self,
        client: discord.Client,
        store: ResultsStore,
        config: NightConfig,
        guild_settings: GuildSettingsService,
        on_store: Callable[[ResultsStore], None] | None = None,
        reload: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.config = config
        self.guild_settings = guild_settings
        """The settings database (the night's tables) and each server's log channel."""
        self.on_store = on_store
        """Called with a new store when the night's results change what the bot answers from."""
        self.reload = reload
        """Compiles the data folder's changed documents and swaps the store in (the bot's
        LiveStore): used when the store was loaded from the folder the night writes to."""
        self.state = NightState(guild_settings.store)
        self.runs: dict[tuple[int, str], Run] = {}

    # ----- what the commands call -------------------------------------------------------------

    def loaded(self, election_id: str) -> Election | None:
        """The loaded election named by id, or the one a Democracy Club id points at."""
        found = self.store.election(election_id)
        if found is not None:
            return found
        when = dc_election_date(election_id)
        parts = election_id.split(".")
        if when is None or len(parts) != 3:
            return None
        info = next(  # the catalog: reading `elections` would build every one of them
            (
                e
                for e in self.store.catalog
                if e.date == when
                and slugify(e.council_key) == parts[1]
                and not e.source.startswith("live-")  # the night's own document
            ),
            None,
        )
        return None if info is None else self.store.built(info)

    def is_known(self, election_id: str) -> bool:
        return bool(DC_ID.match(election_id)) or self.store.election(election_id) is not None

    async def start(self, guild_id: int, channel_id: int, user_id: int, election_id: str) -> Follow:
        """Follow an election in a channel (again, if it was followed before)."""
        await self.stop(guild_id, election_id)
        loaded = self.loaded(election_id)
        dc = DC_ID.match(election_id) is not None
        followed = await asyncio.to_thread(self.state.followed, guild_id, election_id)
        followed = followed or FollowedElection(
            election_id=election_id,
            title=loaded.title if loaded else title_for(election_id),
            expected=expected_from(loaded, election_id if dc else None) if loaded else (),
        )
        follow = await asyncio.to_thread(self.state.start, guild_id, channel_id, user_id, followed)
        self._launch(follow, followed)
        return follow

    async def stop(self, guild_id: int, election_id: str) -> bool:
        run = self.runs.pop((guild_id, election_id), None)
        stopped = await asyncio.to_thread(self.state.stop, guild_id, election_id)
        if run is not None:
            await self._cancel(run)
        return stopped or run is not None

    def status(self, guild_id: int) -> list[Run]:
        return [run for (guild, _), run in self.runs.items() if guild == guild_id]

    async def resume(self) -> int:
        """Pick up every follow that was active when the bot stopped."""
        resumed = 0
        for follow in await asyncio.to_thread(self.state.follows):
            if not self.owns(follow.guild_id):
                continue  # another shard process's server: it polls that follow
            followed = await asyncio.to_thread(
                self.state.followed, follow.guild_id, follow.election_id
            )
            if followed is not None and (follow.guild_id, follow.election_id) not in self.runs:
                self._launch(follow, followed)
                resumed += 1
        if resumed:
            log.info("Resumed %d election-night follow(s)", resumed)
        return resumed

    def owns(self, guild_id: int) -> bool:
        """Whether this process runs the shard Discord gives the server to (`bot.sharding`), so
        of processes sharing one database, only one polls a follow. Before the shard count is
        known (SHARD_COUNT=auto, or unsharded), the process runs every shard."""
        shard_ids = getattr(self.client, "shard_ids", None)
        count = getattr(self.client, "shard_count", None)
        if not shard_ids or not count:
            return True
        return (guild_id >> 22) % int(count) in shard_ids

    async def close(self) -> None:
        """Stop every run; the settings database is the bot's, closed with it."""
        for run in list(self.runs.values()):
            await self._cancel(run)
        self.runs.clear()

    # ----- the loop ---------------------------------------------------------------------------

    def _source(self, follow: Follow) -> Source:
        loaded = self.store.election(follow.election_id)
        if loaded is not None and self.config.data_dir is not None:
            folder = self.config.data_dir
            path = folder / loaded.source if folder.is_dir() else folder
            return DocumentSource(path, loaded.id, self.config.document_seconds)
        token = self.config.democracyclub_token
        return DemocracyClubSource(
            self.config.democracyclub_url,
            follow.election_id,
            token=token,
            interval=interval_for(token, self.config.poll_seconds),
            high_water=follow.high_water,
            agent=user_agent(self.config.contact),
        )

    def _document_name(self, election_id: str) -> str:
        """The file the night's results are in: the followed document, or the one written."""
        loaded = self.store.election(election_id)
        return loaded.source if loaded is not None else f"live-{slugify(election_id)}.txt"

    def _illustrator(self, election_id: str) -> Callable[[str | None], Awaitable[Picture | None]]:
        """Pictures from the store's copy of the night: a ward's chart, or the seat diagram."""
        name = self._document_name(election_id)

        async def illustrate(ward: str | None) -> Picture | None:
            if not self.config.pictures:
                return None
            election = next((e for e in self.store.catalog if e.source == name), None)
            if election is None:
                return None
            command = "ward" if ward else "summary"
            options = {"election": election.id, **({"name": ward} if ward else {})}
            answer = run_command(self.store, command, options)
            if not isinstance(answer, WardAnswer | SummaryAnswer):
                return None
            return await attach.picture(answer)

        return illustrate

    def _historian(self, election_id: str) -> History:
        """Each declared ward against its previous loaded contest (knowledge.history), from the
        store's copy of the night: the same facts as /ward's "last time" line."""
        name = self._document_name(election_id)

        async def history(wards: Sequence[str]) -> dict[str, LastTime]:
            store = self.store
            election = next((e for e in store.catalog if e.source == name), None)
            if election is None or not wards:
                return {}

            def compute() -> dict[str, LastTime]:
                found = {ward: last_time(store, election.id, ward) for ward in wards}
                return {ward: last for ward, last in found.items() if isinstance(last, LastTime)}

            return await asyncio.to_thread(compute)

        return history

    def _launch(self, follow: Follow, followed: FollowedElection) -> None:
        poster = Poster(
            self.client,
            self.state,
            follow,
            self.store.book,
            coalesce=self.config.coalesce_seconds,
            illustrate=self._illustrator(follow.election_id),
            history=self._historian(follow.election_id),
        )
        run = Run(follow, followed, self._source(follow), poster)
        self.runs[(follow.guild_id, follow.election_id)] = run
        run.task = asyncio.create_task(self._run(run), name=f"night-{follow.election_id}")

    async def _cancel(self, run: Run) -> None:
        if run.task is not None and run.task is not asyncio.current_task():
            run.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await run.task
        await run.poster.close()

    async def _run(self, run: Run) -> None:
        """Step until the count is complete. A failing step (the settings database unreachable,
        say) is logged and retried with a doubling wait: one bad moment never ends the night."""
        failures = 0
        while not run.finished:
            try:
                await self._step(run)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception:
                failures += 1
                log.exception("A step of the follow of %s failed", run.follow.election_id)
            retry = min(STEP_RETRY_MAX, 2.0 ** (failures - 1)) if failures else 0.0
            await asyncio.sleep(max(0.05, run.source.delay(), retry))

    async def _step(self, run: Run) -> None:
        """One pass: learn the ballots once, poll, merge and save, post, finish when complete."""
        follow = run.follow
        try:
            if not run.ballots_known:
                if not run.followed.expected:
                    ballots = await run.source.ballots()
                    if ballots:
                        run.followed = run.followed.model_copy(update={"expected": tuple(ballots)})
                run.ballots_known = True
            started = asyncio.get_running_loop().time()
            poll = await run.source.poll(run.followed.expected)
            took = asyncio.get_running_loop().time() - started
        except SourceError as error:
            log.warning("Election night source for %s: %s", follow.election_id, error)
            poll = None
            await self._trouble(run, str(error))
        if poll is not None:
            slow = took > self.config.slow_seconds
            await self._trouble(run, f"the source took {took:.0f} s to answer" if slow else None)
            fresh = [reason for reason in poll.skipped if reason not in run.unreadable]
            if fresh:
                run.unreadable.update(fresh)
                await self._report(
                    run,
                    "⚠️ Unreadable results from the source",
                    "\n".join(f"• {reason}" for reason in fresh),
                )
            run.followed, changes = merge(run.followed, poll.declarations)
            await asyncio.to_thread(
                self.state.save, follow.guild_id, run.followed, run.source.status.high_water
            )
            if any(c.kind != "unchanged" for c in changes):
                if isinstance(run.source, DocumentSource):
                    await self._publish(run.source.path.name, None)
                else:
                    await self._write_document(run.followed)
        posted = await run.poster.sync(run.followed)
        if posted and run.followed.complete and await run.poster.finish(run.followed):
            run.finished = True
            self.runs.pop((follow.guild_id, follow.election_id), None)
            log.info("Election night for %s is complete", follow.election_id)

    async def _trouble(self, run: Run, problem: str | None) -> None:
        """Report the start of an outage once, and its end, to the server's log channel."""
        if problem is not None and run.problem is None:
            run.problem, run.problem_since = problem, dt.datetime.now(dt.UTC)
            await self._report(
                run,
                "⚠️ Results source in trouble",
                f"{problem}.\nI keep trying, and say here when it answers again; the results "
                "channel is not told. `/live status` shows the latest.",
            )
        elif problem is None and run.problem is not None:
            since = run.problem_since or dt.datetime.now(dt.UTC)
            run.problem, run.problem_since = None, None
            await self._report(
                run,
                "✅ Results source answering again",
                f"Back after an outage that began <t:{int(since.timestamp())}:R>.",
            )
        elif problem is not None:
            run.problem = problem  # the same outage, its latest form

    async def _report(self, run: Run, title: str, text: str) -> None:
        """An embed in the server's log channel, if it chose one; a failure costs a warning."""
        guild_id = run.follow.guild_id
        try:
            settings = await self.guild_settings.get(guild_id)
        except Exception as error:  # the settings database unreachable: the log has it
            log.warning("Could not read the log channel of server %s: %r", guild_id, error)
            return
        channel_id = settings.log_channel_id if settings else None
        channel = self.client.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.abc.Messageable):
            return
        embed = discord.Embed(
            title=title,
            description=limits.clip(f"**{safe(run.followed.title)}**: {safe(text)}", 2000),
            colour=discord.Colour.green() if title.startswith("✅") else discord.Colour.orange(),
        )
        try:
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning("Could not post to the log channel of server %s: %s", guild_id, error)

    async def _write_document(self, followed: FollowedElection) -> None:
        """The night's results as a document in the data folder, for a restart and /ward."""
        folder = self.config.data_dir
        if folder is None or not folder.is_dir() or self.store.election(followed.election_id):
            return
        path = folder / self._document_name(followed.election_id)
        text = night_document(followed, "Source: Democracy Club (CC BY 4.0).")
        temporary = path.with_suffix(".txt.tmp")

        def write() -> None:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)

        try:
            await asyncio.to_thread(write)
        except OSError as error:
            log.warning("Could not write %s: %s", path, error)
        await self._publish(path.name, text)

    async def _publish(self, file_name: str, text: str | None) -> None:
        """Answer from the night's latest results: the store with this document's elections
        replaced (read again from the data folder when `text` is None)."""
        if self.config.data_dir is None:
            return
        old = self.store
        path = self.config.data_dir / file_name
        if self.reload is not None and _same_folder(old, self.config.data_dir):
            # The compiled store recompiles this one document (well under a second at 10,000
            # elections) and the bot's reload listeners swap the new store in.
            try:
                await self.reload()
            except Exception as error:  # keep answering from the last good store
                log.warning("The night's results in %s were not loaded: %s", file_name, error)
            return
        if self.on_store is None:
            return

        def rebuild() -> ResultsStore:
            body = text if text is not None else path.read_text(encoding="utf-8")
            fresh = read_text(body, file_name)
            kept = [e for e in old.elections if e.source != file_name]
            return ResultsStore([*kept, *fresh], old.book, old.errors)

        try:
            store = await asyncio.to_thread(rebuild)
        except Exception as error:  # a half-written edit: keep answering from the last good one
            log.warning("The night's results in %s were not loaded: %s", file_name, error)
            return
        self.store = store
        self.on_store(store)
