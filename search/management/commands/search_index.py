"""Manage the search index.

search_index --rebuild   fresh versioned index, bulk-filled, alias swapped atomically
search_index --check     compare database and index; exit 1 on drift
search_index --process   drain the outbox once
search_index --worker    keep draining the outbox (retries with back-off)
"""

import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = "Rebuild, check or update the search index."

    def add_arguments(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true")
        group.add_argument("--check", action="store_true")
        group.add_argument("--process", action="store_true")
        group.add_argument("--worker", action="store_true")
        parser.add_argument("--interval", type=float, default=2.0, help="worker poll seconds")

    def handle(self, *args, **options) -> None:
        if not indexing.engine_enabled():
            raise CommandError("SEARCH_ENGINE is 'database': there is no engine index to manage.")
        if options["rebuild"]:
            rebuilt = indexing.rebuild()
            rate = rebuilt.documents / rebuilt.seconds if rebuilt.seconds else 0
            self.stdout.write(
                self.style.SUCCESS(
                    f"Rebuilt {rebuilt.index}: {rebuilt.documents} documents "
                    f"in {rebuilt.seconds:.1f} s "
                    f"({rate:.0f}/s, of which {rebuilt.merge_seconds:.1f} s merging segments), "
                    f"{rebuilt.replayed} edits replayed, "
                    f"removed {', '.join(rebuilt.removed_indices) or 'nothing'}."
                )
            )
        elif options["check"]:
            indexing.ensure_index()
            drift = indexing.check()
            for label in ("missing", "extra", "stale"):
                items = getattr(drift, label)
                if items:
                    self.stdout.write(f"{label}: {len(items)} ({', '.join(items[:10])})")
            self.stdout.write(f"outbox rows pending: {drift.pending_outbox}")
            if not drift.ok:
                raise CommandError("The search index has drifted from the database.")
            self.stdout.write(self.style.SUCCESS("The search index matches the database."))
        elif options["process"]:
            indexing.ensure_index()
            result = indexing.drain_outbox()
            self.stdout.write(f"processed {result.processed}, kept for retry {result.failed}")
            if result.failed:
                raise CommandError(result.errors[0])
        else:
            indexing.ensure_index()
            self.stdout.write("search worker: draining the outbox (Ctrl-C to stop)")
            while True:
                result = indexing.process_outbox()
                if not result.processed:
                    time.sleep(options["interval"])
