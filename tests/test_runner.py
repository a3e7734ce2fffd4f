from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from glossary.runner import Settings, jobs_count, run

DATA = Path(__file__).parent / "data"
TB = ("--no-default", "--termbase", str(DATA / "bilingual-termbase.yaml"))


def make_folder(tmp_path: Path, copies: int = 12) -> Path:
    for i in range(copies):
        for name in ("messages.po", "briefing-1.2.xlf", "memory.tmx"):
            shutil.copy(DATA / "bilingual" / name, tmp_path / f"{i:02d}-{name}")
    (tmp_path / "broken.po").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    return tmp_path


def test_parallel_jobs_give_the_same_report_in_the_same_order(tmp_path: Path):
    folder = make_folder(tmp_path)
    outputs = []
    for jobs in ("1", "3"):
        result = CliRunner().invoke(main, ["check", str(folder), *TB, "--format", "json", "--jobs", jobs])
        assert result.exit_code == 2  # the broken file is an error; the others are still checked
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0]["summary"]["files"] == 36
    assert len(outputs[0]["summary"]["errors"]) == 1


def test_parallel_html_report_keeps_the_side_by_side_rows(tmp_path: Path):
    folder = make_folder(tmp_path, copies=3)
    (folder / "broken.po").unlink()
    pages = []
    for jobs in ("1", "3"):
        result = CliRunner().invoke(main, ["check", str(folder), *TB, "--format", "html", "--jobs", jobs])
        assert result.exit_code == 1, result.stderr
        payload = re.search(r'<script type="application/json" id="data">(.*?)</script>', result.stdout, re.S)
        assert payload is not None
        pages.append({f["path"]: f["pairs"] for f in json.loads(payload.group(1))["files"]})
    assert pages[0] == pages[1]
    assert len(pages[0]) == 9 and all(pages[0].values())  # every bilingual file, workers' included


def test_an_outcome_from_a_worker_carries_its_pair_rows(tmp_path: Path):
    from glossary.runner import Input, one, pair_rows, strip_document

    shutil.copy(DATA / "bilingual" / "messages.po", tmp_path / "messages.po")
    settings = Settings(termbases=(str(DATA / "bilingual-termbase.yaml"),), no_default=True)
    outcome = one(Input(str(tmp_path / "messages.po")), settings)
    assert outcome.document is not None
    rows = pair_rows(outcome.document)
    assert rows and all(isinstance(source, str) and start <= end for source, start, end in rows)
    crossed = strip_document(outcome)
    assert crossed.document is not None and crossed.document.segments == ()
    assert crossed.pairs == rows


def test_parallel_fix_writes_every_file(tmp_path: Path):
    folder = make_folder(tmp_path, copies=4)
    (folder / "broken.po").unlink()
    result = CliRunner().invoke(main, ["fix", str(folder), *TB, "-j", "2"])
    assert result.exit_code == 1
    assert result.stderr.count("Fixed 2 findings") == 12
    assert all("One Belt, One Road" not in p.read_text(encoding="utf-8") for p in folder.iterdir())


def test_outcomes_are_values_and_errors_do_not_stop_the_run(tmp_path: Path):
    folder = make_folder(tmp_path, copies=1)
    settings = Settings(termbases=(str(DATA / "bilingual-termbase.yaml"),), no_default=True)
    outcomes = list(run([(str(p), True) for p in sorted(folder.iterdir())], settings))
    assert [o.error is not None for o in outcomes] == [False, False, False, True]
    assert outcomes[-1].error.line == 2


def test_jobs_zero_means_one_per_cpu():
    assert jobs_count(0) >= 1 and jobs_count(3) == 3


def test_the_library_runner_takes_files_bytes_and_text_and_returns_values(tmp_path: Path):
    import glossary

    draft = tmp_path / "draft.txt"
    draft.write_text("The One Belt, One Road plan.\n", encoding="utf-8")
    settings = glossary.Settings(termbases=(str(DATA / "bilingual-termbase.yaml"),), no_default=True, lang="en")
    result = glossary.run([glossary.Input(str(draft)),
                           glossary.Input("upload.txt", data="One Belt, One Road\n".encode("utf-16")),
                           glossary.Input("buffer.md", text="# One Belt, One Road\n"),
                           glossary.Input(str(tmp_path / "missing.txt"))], settings)
    assert isinstance(result, glossary.RunResult)
    assert result.files == (str(draft), "upload.txt", "buffer.md")
    assert {f.path for f in result.findings} == set(result.files)
    assert [d.format for d in result.documents] == ["text", "text", "markdown"]
    (error,) = result.errors
    assert error.path == str(tmp_path / "missing.txt") and "no such file" in error.message
    assert result.changes == ()
    assert draft.read_text(encoding="utf-8") == "The One Belt, One Road plan.\n"


def test_a_fix_run_returns_the_fixed_text_and_writes_nothing(tmp_path: Path):
    from glossary.runner import Input, Settings
    from glossary.runner import run as run_inputs

    draft = tmp_path / "draft.txt"
    draft.write_text("The One Belt, One Road plan.\n", encoding="utf-8")
    settings = Settings(termbases=(str(DATA / "bilingual-termbase.yaml"),), no_default=True, lang="en", fix=True)
    result = run_inputs([Input(str(draft))], settings)
    (change,) = result.changes
    assert change.fixes == 1 and "One Belt" not in change.fixed_text
    assert result.sources[str(draft)] == change.fixed_text
    assert draft.read_text(encoding="utf-8") == "The One Belt, One Road plan.\n"


def test_walked_files_may_be_skipped_where_named_ones_are_checked(tmp_path: Path):
    from glossary.runner import Input, Settings
    from glossary.runner import run as run_inputs

    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\0\0\0")
    settings = Settings(no_default=True, termbases=(str(DATA / "bilingual-termbase.yaml"),))
    walked, named = run_inputs([Input(str(binary), named=False), Input(str(binary))], settings)
    assert walked.skipped and walked.error is None
    assert named.error is not None and "binary" in named.error.message


def test_stream_hands_over_each_outcome_before_reading_the_next_input(tmp_path: Path):
    """`stream` gives `run`'s outcomes one at a time: the second file is read only when asked for."""
    import glossary

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The One Belt, One Road plan.\n", encoding="utf-8")
    second.write_text("Nothing here.\n", encoding="utf-8")
    settings = Settings(termbases=(str(DATA / "termbase.yaml"),), no_default=True)
    outcomes = glossary.stream([glossary.Input(str(first)), glossary.Input(str(second))], settings)
    assert [f.found for f in next(outcomes).findings] == ["One Belt, One Road"]
    second.write_text("The One Belt, One Road plan, written while the first file was reported.\n", encoding="utf-8")
    assert [f.found for f in next(outcomes).findings] == ["One Belt, One Road"]
    assert next(outcomes, None) is None
    again = run([glossary.Input(str(first)), glossary.Input(str(second))], settings)
    assert [o.findings for o in again] == [o.findings for o in glossary.stream(
        [glossary.Input(str(first)), glossary.Input(str(second))], settings)]


def test_the_library_run_lists_every_finding_and_a_front_ends_cap_cuts_a_flood(tmp_path: Path):
    """`run` and `stream` list every finding by default (since 0.3.0), as `glossary.check` does; a cap
    (`max_per_segment`, a settings file's, or the front ends' `default_max_per_segment`) cuts a flood short."""
    import glossary
    from glossary.checks import DEFAULT_MAX_PER_SEGMENT

    path = tmp_path / "flood.txt"
    path.write_text("The One Belt, One Road plan. " * 1003 + "\n", encoding="utf-8")
    tb = (str(DATA / "termbase.yaml"),)
    plain = Settings(termbases=tb, no_default=True)
    assert [f.code for f in run([glossary.Input(str(path))], plain).findings] == ["superseded-term"] * 1003
    assert [f.code for o in glossary.stream([glossary.Input(str(path))], plain) for f in o.findings] == [
        "superseded-term"] * 1003
    front = Settings(termbases=tb, no_default=True, default_max_per_segment=DEFAULT_MAX_PER_SEGMENT)
    capped = run([glossary.Input(str(path))], front).findings
    assert [f.code for f in capped].count("superseded-term") == 1000
    assert [(f.code, f.omitted) for f in capped if f.code == "more-findings"] == [("more-findings", 3)]
    small = run([glossary.Input(str(path))], Settings(termbases=tb, no_default=True, max_per_segment=2)).findings
    assert len(small) == 3
    project = tmp_path / "project"
    project.mkdir()
    (project / ".glossary.toml").write_text("max-per-segment = 5\n", encoding="utf-8")
    (project / "flood.txt").write_bytes(path.read_bytes())
    assert len(run([glossary.Input(str(project / "flood.txt"))], plain).findings) == 6  # the file's cap, its note
    every = glossary.check(path.read_text(encoding="utf-8"), "en", glossary.load(tb, default=False))
    assert [f.code for f in every] == ["superseded-term"] * 1003
