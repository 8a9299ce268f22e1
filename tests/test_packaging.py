"""The wheel carries the data: a fresh venv runs ``interview catalog`` from another folder."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_in_fresh_venv_ships_catalog_and_banks(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_CONSTRAINT": ""},
    )
    wheel = next(wheels.glob("interview-*.whl"))
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    fresh_site = next((fresh / "lib").glob("python3*/site-packages"))
    # Dependencies come from the development venv, appended after the fresh site-packages.
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    (fresh_site / "zz_deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--target",
            str(fresh_site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_CONSTRAINT": ""},
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = fresh / "bin" / "python"
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import interview.datapaths as d; print(d.catalog_dir()); print(d.question_banks_dir())",
        ],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert all(str(fresh_site) in w and "_data" in w for w in where), where
    result = subprocess.run(
        [str(python), "-m", "interview", "catalog", "--json"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(result.stdout)
    assert len(data["items"]) == 44
    assert len(data["glossary"]) == 64
    assert (Path(where[1]) / "closing.toml").is_file()
    # the search ships its synonym table and finds by meaning from the wheel
    found = subprocess.run(
        [str(python), "-m", "interview", "search", "スタッフへの研修", "--json"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "INTERVIEW_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert json.loads(found.stdout)[0]["item"] == 3
