"""What is published is what CI verified: the Pages workflow waits for CI and executes nothing."""

import yaml


def _workflow(root, name):
    return yaml.safe_load((root / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_pages_deploys_only_after_ci_succeeded_on_the_same_commit(root):
    pages, ci = _workflow(root, "pages.yml"), _workflow(root, "ci.yml")
    trigger = pages[True]["workflow_run"]  # YAML reads the key `on` as True
    assert trigger["workflows"] == [ci["name"]] and trigger["types"] == ["completed"]
    build = pages["jobs"]["build"]
    assert "conclusion == 'success'" in build["if"]
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"


def test_the_published_build_executes_no_notebook(root):
    steps = " ".join(s.get("run", "") for s in _workflow(root, "pages.yml")["jobs"]["build"]["steps"])
    assert "factcheck book --check" in steps
    assert "make book" not in steps and "factcheck execute" not in steps


def test_ci_runs_exactly_the_readme_test_command(root):
    steps = [s.get("run", "") for s in _workflow(root, "ci.yml")["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in steps
    assert "exec make test" in (root / ".ci" / "run").read_text(encoding="utf-8")
