"""The one family of refusals: a request the platform turns down on purpose, with a
stable code (for tests and clients), a message for the person and an HTTP status.

Every app's refusals derive from `Refusal` (the community's `CommunityError`, the
live room's `ProtocolError`, the exchange's `ExchangeDenied`, the call's
`ProposalError` and `ConflictOfInterest`). It lives here, in the lowest content app,
beside the other shared helpers (`database_ids`, `usertext`), because every app may
import `learning_processes` and `learning_processes` imports none of them.

A view that can say more (the message beside a form field) catches its refusal; one
that is not caught is answered once for all views by
`connective_site.middleware.RefusalMiddleware`, and once for the live room's socket by
its consumer (an error event).
"""


class Refusal(Exception):
    """A refused request: `code` is stable, `message` is for people, `status` is the
    HTTP status a page answering it carries."""

    code = "refused"
    status = 400

    def __init__(self, message: str, code: str | None = None, *, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status

    def __str__(self) -> str:
        return str(self.message)
