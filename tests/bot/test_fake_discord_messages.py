"""The fake Discord's messages: multipart uploads, edits of attachments, replies, threads and DMs
behave as Discord's do, so the bot's tests can trust them."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

import aiohttp
import discord
from conftest import running_client
from fake_discord import BOT_PERMISSIONS, Events, FakeDiscord, Perm


def png(width: int = 3, height: int = 2) -> bytes:
    """A tiny valid PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


async def send(
    fake: FakeDiscord,
    method: str,
    path: str,
    payload: dict[str, Any],
    files: dict[str, tuple[str, bytes]] | None = None,
) -> tuple[int, Any]:
    """A bot-authorised request, as multipart/form-data when there are files."""
    headers = {"Authorization": f"Bot {fake.world.token}"}
    data: Any
    if files:
        data = aiohttp.FormData()
        data.add_field("payload_json", json.dumps(payload), content_type="application/json")
        for field, (name, content) in files.items():
            data.add_field(field, content, filename=name, content_type="application/octet-stream")
        kwargs: dict[str, Any] = {"data": data}
    else:
        kwargs = {"json": payload}
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, fake.api_base + path, headers=headers, **kwargs) as response,
    ):
        return response.status, await response.json() if response.status != 204 else None


def messages_path(fake: FakeDiscord, channel_id: int | None = None) -> str:
    return f"/channels/{channel_id or fake.world.channel_id}/messages"


async def test_uploaded_files_become_attachments_with_their_bytes(
    fake_discord: FakeDiscord,
) -> None:
    """`files[n]` named by `attachments[{id: n}]` is stored: name, alt text, size, PNG size."""
    picture = png(5, 4)
    payload = {"embeds": [{"title": "t"}], "attachments": [{"id": 0, "description": "alt"}]}
    status, message = await send(
        fake_discord, "POST", messages_path(fake_discord), payload, {"files[0]": ("a.png", picture)}
    )
    assert status == 200
    (attachment,) = message["attachments"]
    assert attachment["filename"] == "a.png" and attachment["description"] == "alt"
    assert (attachment["size"], attachment["width"], attachment["height"]) == (len(picture), 5, 4)
    assert attachment["content_type"] == "image/png"
    assert fake_discord.file(attachment) == picture


async def test_an_attachment_naming_no_upload_is_refused(fake_discord: FakeDiscord) -> None:
    """`attachments[{id: 1}]` without a `files[1]` part is Discord's 400 (50035)."""
    payload = {"content": "x", "attachments": [{"id": 1, "filename": "b.png"}]}
    files = {"files[0]": ("a.png", png())}
    status, body = await send(fake_discord, "POST", messages_path(fake_discord), payload, files)
    assert (status, body["code"]) == (400, 50035)


async def test_an_edit_keeps_only_the_attachments_it_lists(fake_discord: FakeDiscord) -> None:
    """Editing with `attachments` keeps those listed by id, adds new uploads, drops the rest."""
    path = messages_path(fake_discord)
    files = {"files[0]": ("a.png", png()), "files[1]": ("b.png", png())}
    payload = {"content": "x", "attachments": [{"id": 0}, {"id": 1}]}
    _, message = await send(fake_discord, "POST", path, payload, files)
    keep = message["attachments"][0]["id"]
    edit = {"attachments": [{"id": keep}, {"id": 0}]}
    status, edited = await send(
        fake_discord, "PATCH", f"{path}/{message['id']}", edit, {"files[0]": ("c.png", png())}
    )
    assert status == 200
    assert [a["filename"] for a in edited["attachments"]] == ["a.png", "c.png"]


async def test_files_need_the_attach_files_permission(fake_discord: FakeDiscord) -> None:
    """Posting a file in a channel where the bot lacks Attach Files is a 403 (50013)."""
    channel = fake_discord.world.channel_id
    fake_discord.bot_permissions[channel] = BOT_PERMISSIONS & ~Perm.ATTACH_FILES
    status, body = await send(
        fake_discord, "POST", messages_path(fake_discord), {}, {"files[0]": ("a.png", png())}
    )
    assert (status, body["code"]) == (403, 50013)


async def test_a_reply_references_the_message_it_answers(fake_discord: FakeDiscord) -> None:
    """A message_reference to a known message makes a reply (type 19) carrying that message."""
    asked = Events(fake_discord.world, [], fake_discord.app_permissions).message("<@bot> hi")
    fake_discord.channels.add(asked)
    payload = {"content": "hello", "message_reference": {"message_id": asked["id"]}}
    status, reply = await send(fake_discord, "POST", messages_path(fake_discord), payload)
    assert status == 200 and reply["type"] == 19
    assert reply["referenced_message"]["id"] == asked["id"]
    assert fake_discord.channels.replies_to(asked["id"]) == [reply]


async def test_a_reply_to_an_unknown_message_is_refused(fake_discord: FakeDiscord) -> None:
    """Replying to a message that does not exist is Discord's 400 (50035)."""
    payload = {"content": "x", "message_reference": {"message_id": "1"}}
    status, body = await send(fake_discord, "POST", messages_path(fake_discord), payload)
    assert (status, body["code"]) == (400, 50035)


async def test_threads_need_send_messages_in_threads(fake_discord: FakeDiscord) -> None:
    """In a thread it is Send Messages in Threads, not Send Messages, that allows posting."""
    thread = fake_discord.world.threads["results-thread"]
    fake_discord.bot_permissions[thread] = BOT_PERMISSIONS & ~Perm.SEND_MESSAGES_IN_THREADS
    status, body = await send(
        fake_discord, "POST", messages_path(fake_discord, thread), {"content": "x"}
    )
    assert (status, body["code"]) == (403, 50013)


async def test_a_direct_message_reaches_the_client_as_a_dm(point_at_fake: FakeDiscord) -> None:
    """A DM built by `Events.message` has no guild, and the client sees it as a DM."""
    fake = point_at_fake
    client = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.01)
    seen: list[discord.Message] = []

    @client.event
    async def on_message(message: discord.Message) -> None:
        seen.append(message)

    async with running_client(client, fake.world.token):
        events = Events(fake.world, [], fake.app_permissions)
        await fake.post_message(events.message("who won?", events.in_dm()))
        await fake.wait_for(lambda: bool(seen))
    assert seen[0].guild is None and isinstance(seen[0].channel, discord.DMChannel)
    assert seen[0].content == "who won?"
