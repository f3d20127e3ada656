"""A command whose reader stops early (`dateline timeline | head -1`) ends quietly, exit 0: the
broken pipe was E099, "unexpected error (BrokenPipeError ...)", exit 2."""
import io
import sys

import pytest

from dateline.cli.options import user_errors


def test_cli_a_closed_pipe_ends_the_command_quietly(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # no file descriptor, as in-process
    with pytest.raises(SystemExit) as ended, user_errors():
        raise BrokenPipeError(32, "Broken pipe")
    assert ended.value.code == 0
    assert capsys.readouterr().err == ""


def test_cli_other_failures_still_say_e099(capsys):
    with pytest.raises(SystemExit) as ended, user_errors():
        raise RuntimeError("boom")
    assert ended.value.code == 2 and "E099" in capsys.readouterr().err
