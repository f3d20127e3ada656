"""Running the `dateline` command in-process, as the CLI tests do."""
from click.testing import CliRunner, Result

from dateline.cli import main


def invoke(*args) -> Result:
    """The command's result for these arguments (paths and numbers as text)."""
    return CliRunner().invoke(main, [str(a) for a in args])


def ok(*args) -> str:
    """What the command printed, when it succeeded."""
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result.output
