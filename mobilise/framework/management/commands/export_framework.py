import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mobilise.framework.catalogue import CURRENT_VERSION, available_versions, get_framework
from mobilise.framework.export import framework_as_csv, framework_as_dict


class Command(BaseCommand):
    help = "Print the framework catalogue as JSON (the API's shape) or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--framework-version", default=CURRENT_VERSION)

    def handle(self, *args, **options) -> None:
        version = options["framework_version"]
        if version not in available_versions():
            raise CommandError(
                f"Framework version {version!r} is not available: "
                f"choose from {', '.join(available_versions())}"
            )
        framework = get_framework(version)
        if options["format"] == "csv":
            self.stdout.write(framework_as_csv(framework), ending="")
        else:
            self.stdout.write(
                json.dumps(framework_as_dict(framework), indent=2, ensure_ascii=False)
            )
