"""`generate_load_data`: synthetic organisations for scale tests; never on a real service."""

import time

from django.core.management.base import BaseCommand

from mobilise.demo.load_data import Scale, generate


class Command(BaseCommand):
    help = (
        "Add synthetic organisations for the scale benchmarks: by default 1,000 organisations "
        "× 20 units × 2 cycles × 15 participants × 23 elements (about 14 million ratings), "
        "with agreed levels and plans. Meant for PostgreSQL; never for a real service."
    )

    def add_arguments(self, parser) -> None:
        defaults = Scale()
        for name in ("organisations", "units", "cycles", "participants", "actions", "seed"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument("--opted-in", type=float, default=defaults.opted_in)

    def handle(self, *args, **options) -> None:
        scale = Scale(
            organisations=options["organisations"],
            units=options["units"],
            cycles=options["cycles"],
            participants=options["participants"],
            actions=options["actions"],
            opted_in=options["opted_in"],
            seed=options["seed"],
        )
        self.stdout.write(f"Adding {scale.organisations} organisations, {scale.ratings:,} ratings")
        start = time.perf_counter()
        generate(scale, lambda done: self.stdout.write(f"  {done} organisations"))
        self.stdout.write(f"Done in {time.perf_counter() - start:.0f} s")
