"""The README's Python examples run as written (from the repository's root)."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def python_snippets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_python_examples_run(monkeypatch, capsys):
    snippets = python_snippets()
    assert len(snippets) == 2
    monkeypatch.chdir(ROOT)
    for snippet in snippets:
        assert len(snippet.strip().splitlines()) == 5
        exec(compile(snippet, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Sessions" in out
    assert "Score(precision=" in out
