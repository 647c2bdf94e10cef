"""The live room's WebSocket: `/ws/sessions/<id>/?after=<last seq seen>`.

The consumer holds no rules of its own: it checks entry, relays commands to
`actions.do_command` and forwards the room's events in sequence order. It keeps the
number of the last event it sent; an event that arrives out of order or after a
gap (the channel layer drops messages for a slow consumer) makes it read what is
missing from the log first, and an event it already sent is dropped. So each socket
sees every event exactly once, in order.
"""

import asyncio
import json
import logging
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from community.live import actions, selectors
from community.live.app_settings import app_settings
from community.live.models import room_group, user_group
from community.live.protocol import (
    VERSION,
    ProtocolError,
    command_ref,
    error_event,
    parse_command,
)
from learning_processes.database_ids import database_id
from learning_processes.refusals import Refusal

logger = logging.getLogger(__name__)

# Close codes in the application range (4000-4999), listed in docs/live-protocol.md.
CLOSE_LOGGED_OUT = 4001
CLOSE_NO_ACCESS = 4003
CLOSE_NOT_FOUND = 4004


class OpenSockets:
    """This process's room sockets. While it has any, it renews them all every
    `LIVE_HEARTBEAT_SECONDS` (one statement, not one per socket) and sweeps the sockets
    of processes that died without closing theirs, so nobody stays "here" for ever."""

    def __init__(self) -> None:
        self.sockets: dict[str, tuple[int, Any]] = {}
        self.task: asyncio.Task | None = None

    def add(self, channel_name: str, session_id: int, user: Any) -> None:
        self.sockets[channel_name] = (session_id, user)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.beat())

    def discard(self, channel_name: str) -> None:
        self.sockets.pop(channel_name, None)
        if not self.sockets and self.task is not None:
            self.task.cancel()
            self.task = None

    async def beat(self) -> None:
        while True:
            await asyncio.sleep(app_settings.HEARTBEAT_SECONDS)
            try:
                await database_sync_to_async(actions.keep_sockets_alive)(dict(self.sockets))
                await database_sync_to_async(actions.sweep_stale_sockets)()
            except Exception:
                # The database is away: the next beat tries again, and a socket swept
                # meanwhile by another process is put back then.
                logger.exception("live heartbeat failed")


open_sockets = OpenSockets()


class LiveRoomConsumer(AsyncJsonWebsocketConsumer):
    channel_layer_alias = actions.LAYER
    session_id: int
    space_id: int
    last_seq: int = 0
    joined: bool = False

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close()  # before accept: the handshake fails with HTTP 403
            return
        # The route takes any segment: a number no row can have (or no number at all)
        # names no session, and is refused like one that does not exist.
        session_id = database_id(self.scope["url_route"]["kwargs"]["session_id"])
        if session_id is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.session_id = session_id
        try:
            session = await database_sync_to_async(actions.access_session)(user, self.session_id)
        except Http404:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        except PermissionDenied:
            await self.close(code=CLOSE_NO_ACCESS)
            return
        self.space_id = session.space_id
        # Join the groups before reading the log: whatever is committed after the
        # read arrives through the group, and duplicates are dropped by number.
        await self.channel_layer.group_add(room_group(self.session_id), self.channel_name)
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        await self.accept()
        await database_sync_to_async(actions.do_join)(self.session_id, user, self.channel_name)
        self.joined = True
        open_sockets.add(self.channel_name, self.session_id, user)
        await self.send_json({"type": "welcome", "v": VERSION, "session": self.session_id})
        await self.catch_up(self._after_from_query())

    def _after_from_query(self) -> int | None:
        """`?after=`: a positive sequence number, or None (a snapshot) for anything else."""
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        return database_id(query.get("after", [""])[0])

    async def catch_up(self, after: int | None) -> None:
        """Send what follows `after` from the log, or a snapshot when the client has
        nothing yet or is too far behind for a replay."""
        if after is not None:
            events = await database_sync_to_async(selectors.replay)(
                self.session_id, after, app_settings.REPLAY_LIMIT
            )
            if events is not None:
                self.last_seq = after
                for event in events:
                    await self._send_event(event)
                await self.send_json({"type": "synced", "seq": self.last_seq})
                return
        snapshot = await database_sync_to_async(selectors.room_snapshot)(
            self.session_id, self.scope["user"]
        )
        self.last_seq = snapshot["seq"]
        await self.send_json(snapshot)
        # Events committed between the snapshot's number and its state queries.
        await self._fill_gap()
        await self.send_json({"type": "synced", "seq": self.last_seq})

    async def _send_event(self, event: dict[str, Any], text: str | None = None) -> None:
        if event["seq"] <= self.last_seq:
            return
        self.last_seq = event["seq"]
        await self.send(text_data=text if text is not None else json.dumps(event))

    async def _fill_gap(self) -> None:
        for event in await database_sync_to_async(selectors.events_after)(
            self.session_id, self.last_seq
        ):
            await self._send_event(event)

    async def disconnect(self, code: int) -> None:
        user = self.scope.get("user")
        if user is not None and user.is_authenticated and hasattr(self, "session_id"):
            await self.channel_layer.group_discard(room_group(self.session_id), self.channel_name)
            await self.channel_layer.group_discard(user_group(user.pk), self.channel_name)
            if self.joined:
                self.joined = False
                open_sockets.discard(self.channel_name)
                await database_sync_to_async(actions.do_leave)(
                    self.session_id, user, self.channel_name
                )

    # --- From the client -----------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Decode one frame. Whatever a client sends is answered, never a reason to close
        the socket: a frame that is not a small JSON text gets an error event."""
        try:
            content = self._decode(text_data)
        except Refusal as error:
            await self.send_json(error_event(error))
            return
        await self.receive_json(content)

    @staticmethod
    def _decode(text_data: str | None) -> Any:
        if text_data is None:
            raise ProtocolError("binary_frame", _("Send commands as text frames of JSON."))
        limit = app_settings.MAX_FRAME_BYTES
        # Characters first: a frame with more characters than the limit has more bytes.
        if len(text_data) > limit or len(text_data.encode("utf-8", "surrogatepass")) > limit:
            raise ProtocolError(
                "too_large",
                _("Messages may be at most %(limit)d bytes.") % {"limit": limit},
            )
        try:
            return json.loads(text_data)
        except RecursionError:
            # The parser's own guard; no command is nested more than two levels.
            raise ProtocolError("too_deep", _("That JSON is nested too deeply.")) from None
        except ValueError:
            raise ProtocolError("not_json", _("That is not JSON.")) from None

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        ref = command_ref(content)
        try:
            command = parse_command(content)
            if command.type == "ping":
                await self.send_json({"type": "pong", "ref": ref, "seq": self.last_seq})
            elif command.type == "sync":
                # The client saw a gap: resend everything after what it has. Each sync
                # reads the log, so it counts against the member's rate.
                await database_sync_to_async(actions.check_rate_for)(
                    self.session_id, self.scope["user"]
                )
                self.last_seq = min(self.last_seq, command.id or 0)
                await self.catch_up(command.id or None)
            else:
                await database_sync_to_async(actions.do_command)(
                    self.session_id, self.scope["user"], command
                )
        except Refusal as error:
            await self.send_json(error_event(error, ref))

    # --- From the channel layer ----------------------------------------------------------------

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections before every handler, a hop to the
        # database thread. A room event is relayed to every socket of the process and
        # touches the database only to fill a gap (through database_sync_to_async,
        # which closes them itself), so the hop is skipped: at 250 sockets a process it
        # was most of the cost of one event.
        if message["type"] == "room.event":
            await self.room_event(message)
        else:
            await super().dispatch(message)

    async def room_event(self, message: dict[str, Any]) -> None:
        if message["seq"] > self.last_seq + 1:
            await self._fill_gap()
        await self._send_event({"seq": message["seq"]}, message["json"])

    async def user_logout(self, message: dict[str, Any]) -> None:
        await self.send_json({"type": "closing", "reason": "logged_out"})
        await self.close(code=CLOSE_LOGGED_OUT)

    async def space_left(self, message: dict[str, Any]) -> None:
        """The person's membership of a space ended: close this socket if it was the
        way into this room (staff, for one, may still enter)."""
        if message["space"] != self.space_id:
            return
        try:
            await database_sync_to_async(actions.access_session)(
                self.scope["user"], self.session_id
            )
        except (PermissionDenied, Http404):
            await self.send_json({"type": "closing", "reason": "no_access"})
            await self.close(code=CLOSE_NO_ACCESS)
