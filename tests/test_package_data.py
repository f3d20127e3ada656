"""Every data file the code reads ships in the wheel: package-data in pyproject.toml covers them."""
import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dateline"
DATA_FOLDERS = ("analyze/lexicon", "data", "fuse/data", "knowledge/data", "query/data", "web/templates")


def test_every_data_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["dateline"]
    data_files = [path.relative_to(PACKAGE).as_posix() for folder in DATA_FOLDERS
                  for path in (PACKAGE / folder).iterdir() if path.is_file()]
    assert data_files
    missing = [name for name in data_files if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert missing == []
