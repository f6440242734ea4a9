"""Every way to get inci that the README's Install section lists, exercised: the release
script (binary archive, wheel, checksums), `cargo install` through the composite GitHub Action
(its steps run as GitHub would run them), and the pre-commit hook on a temporary repository."""

from __future__ import annotations

import os
import pathlib
import shutil
import struct
import subprocess
import tarfile

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BAD = "Ingredients: Aqua,, Glycerin, Phenoxyetanol, Parfum.\n"
GOOD = "Ingredients: Aqua, Glycerin, Phenoxyethanol, Parfum.\n"


def run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, **kw)


def test_the_release_script_builds_the_binary_the_wheel_and_checksums(tmp_path):
    out = tmp_path / "dist"
    env = dict(os.environ)
    maturin = ROOT / "target" / "py-venv" / "bin" / "maturin"
    if maturin.exists():
        env["MATURIN"] = str(maturin)
    done = run(str(ROOT / "scripts" / "release.sh"), str(out), env=env)
    assert done.returncode == 0, done.stderr
    archives = list(out.glob("inci-*.tar.gz"))
    wheels = list(out.glob("inci-*.whl"))
    pages = list(out.glob("inci-web-*.zip"))
    assert len(archives) == 1 and len(wheels) == 1 and len(pages) == 1, list(out.iterdir())
    check = run("sha256sum", "-c", "SHA256SUMS", cwd=out)
    assert check.returncode == 0 and check.stdout.count(": OK") == 3, check.stdout
    import zipfile

    with zipfile.ZipFile(pages[0]) as z:
        files = {pathlib.PurePosixPath(n).name for n in z.namelist()}
    assert {"index.html", "app.js", "style.css", "inci_wasm.js", "inci_wasm_data.js"} <= files
    with tarfile.open(archives[0]) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "x", filter="data")
    top = archives[0].name.removesuffix(".tar.gz")
    for f in ("inci", "README.md", "LICENSE-MIT", "LICENSE-APACHE"):
        assert f"{top}/{f}" in names
    binary = tmp_path / "x" / top / "inci"
    version = run(str(binary), "--version")
    assert version.returncode == 0 and "CosIng" in version.stdout, version.stdout
    if top.endswith("-linux-gnu"):
        assert not has_interpreter(binary.read_bytes()), "the shipped binary is static-pie"
        scan = run(str(binary), "scan", "--format", "json", "Aqua, Glycerin")
        assert scan.returncode == 0 and '"GLYCERIN"' in scan.stdout, scan.stderr


def has_interpreter(elf: bytes) -> bool:
    """True when a 64-bit little-endian ELF file names a dynamic loader (a PT_INTERP program
    header): a dynamically linked executable; a static-pie has none."""
    assert elf[:4] == b"\x7fELF" and elf[4] == 2 and elf[5] == 1, "a 64-bit little-endian ELF"
    (phoff,) = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    kinds = [struct.unpack_from("<I", elf, phoff + i * phentsize)[0] for i in range(phnum)]
    assert 1 in kinds, "no PT_LOAD: not an executable"
    return 3 in kinds


def test_has_interpreter_reads_program_headers():
    """The ELF check itself: this machine's dynamically linked `inci` build has a loader."""
    dynamic = pathlib.Path(os.environ.get("INCI_BIN", ROOT / "target" / "debug" / "inci"))
    if not dynamic.exists():
        pytest.fail(f"{dynamic} is missing: build it first (scripts/test_install.sh does)")
    assert has_interpreter(dynamic.read_bytes())


def test_the_github_action_installs_inci_and_annotates(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    (tmp_path / "packaging").mkdir()
    label = tmp_path / "packaging" / "ingredients.txt"
    label.write_text(BAD)
    inputs = {"files": "packaging/*.txt", "args": "--market eu"}
    env = dict(os.environ)
    env.update(
        GITHUB_ACTION_PATH=str(ROOT),
        RUNNER_TEMP=str(tmp_path / "runner"),
        # The build reuses this checkout's release artifacts, as a cache would on a runner.
        CARGO_TARGET_DIR=str(ROOT / "target"),
    )
    outputs = []
    for step in action["runs"]["steps"]:
        script = step["run"]
        for name, value in inputs.items():
            script = script.replace("${{ inputs.%s }}" % name, value)
        assert "${{" not in script, script
        done = run(step["shell"], "-c", script, cwd=tmp_path, env=env)
        outputs.append(done)
    assert outputs[0].returncode == 0, outputs[0].stderr
    assert (tmp_path / "runner" / "inci" / "bin" / "inci").exists()
    lint = outputs[1]
    assert lint.returncode == 1, (lint.stdout, lint.stderr)
    assert "::warning file=packaging/ingredients.txt" in lint.stdout, lint.stdout
    assert "L002" in lint.stdout and "L005" in lint.stdout


@pytest.fixture()
def inci_on_path():
    binary = pathlib.Path(os.environ.get("INCI_BIN", ROOT / "target" / "debug" / "inci"))
    assert binary.exists(), f"build inci first: {binary}"
    return str(binary.parent)


def test_the_pre_commit_hook_lints_changed_packaging_texts(tmp_path, inci_on_path):
    head = run("git", "rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    hooks = run("git", "show", f"{head}:.pre-commit-hooks.yaml", cwd=ROOT)
    if hooks.returncode != 0:
        pytest.fail(".pre-commit-hooks.yaml must be committed: pre-commit reads it at a revision")
    repo = tmp_path / "brand"
    repo.mkdir()
    env = dict(os.environ)
    env["PATH"] = inci_on_path + os.pathsep + env["PATH"]
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    for args in (
        ("git", "init", "-q"),
        ("git", "config", "user.email", "qa@example.org"),
        ("git", "config", "user.name", "QA"),
    ):
        assert run(*args, cwd=repo).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(
            {"repos": [{"repo": str(ROOT), "rev": head, "hooks": [{"id": "inci-lint"}]}]}
        )
    )
    (repo / "packaging").mkdir()
    (repo / "packaging" / "serum_ingredients.txt").write_text(BAD)
    (repo / "notes.txt").write_text("Aqua,, whatever: not a packaging text\n")
    pre_commit = shutil.which("pre-commit") or str(pathlib.Path(os.sys.executable).parent / "pre-commit")
    assert run("git", "add", "-A", cwd=repo).returncode == 0
    bad = run(pre_commit, "run", "--all-files", cwd=repo, env=env)
    assert bad.returncode == 1, (bad.stdout, bad.stderr)
    assert "inci lint" in bad.stdout and "Failed" in bad.stdout, bad.stdout
    assert "L002" in bad.stdout and "serum_ingredients.txt" in bad.stdout
    assert "notes.txt" not in bad.stdout, "only packaging texts are linted"
    (repo / "packaging" / "serum_ingredients.txt").write_text(GOOD)
    assert run("git", "add", "-A", cwd=repo).returncode == 0
    good = run(pre_commit, "run", "--all-files", cwd=repo, env=env)
    assert good.returncode == 0, (good.stdout, good.stderr)
    assert "Passed" in good.stdout
