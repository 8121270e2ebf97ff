"""Clickable command mentions from the ids Discord gave the commands."""

from __future__ import annotations

import discord

from bot.command_links import CommandLinks


def test_without_ids_the_text_is_unchanged() -> None:
    links = CommandLinks()
    assert links.mention("ward") == "/ward"
    assert links.text("Try `/ward Littleover`") == "Try `/ward Littleover`"


def test_known_commands_become_mentions_and_the_rest_stays_code() -> None:
    links = CommandLinks()
    links.ids = {"ward": 11, "summary": 12}
    assert (
        links.text("Try `/ward Littleover` · `/summary`")
        == "Try </ward:11> `Littleover` · </summary:12>"
    )
    assert links.text("`/party labour`") == "`/party labour`"  # no id: left as typed


def test_the_embed_is_copied_not_changed() -> None:
    """A cached answer's embed must not be rewritten in place."""
    links = CommandLinks()
    links.ids = {"ward": 11}
    original = discord.Embed(description="`/ward Abbey`")
    original.add_field(name="Try", value="`/ward <name>`")
    linked = links.embed(original)
    assert linked.description == "</ward:11> `Abbey`"
    assert linked.fields[0].value == "</ward:11> `<name>`"
    assert original.description == "`/ward Abbey`" and original.fields[0].value == "`/ward <name>`"
