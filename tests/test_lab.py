"""`make lab`: JupyterLab on the project, offline, with the book's environment.

`make book` and `make test` do not install JupyterLab: `make lab` adds requirements-lab.lock. So the test runs
`make lab` as a fact-checker's first one, into a new venv (not the shared one): uv creates and syncs it, then
adds the lab lock, from uv's cache with no network (`make test` put the wheels there first: `lab-wheels`).
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import VENV

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_installs_its_lock_and_starts_jupyterlab_on_the_project(root, tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
            f"--ServerApp.port_retries=0 --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
    uv = VENV / "bin" / "uv"  # the shared venv's uv; the new venv gets its own from the lock
    cache = subprocess.run([uv, "cache", "dir"], capture_output=True, text=True, check=True).stdout.strip()
    venv = tmp_path / "venv"
    env = {"PATH": f"{venv}/bin:/usr/bin:/bin", "HOME": str(tmp_path), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"), "JUPYTER_DATA_DIR": str(tmp_path / "data"),
           "UV_CACHE_DIR": cache, "UV_OFFLINE": "1"}
    server = subprocess.Popen(["make", "--no-print-directory", "lab", f"VENV={venv}", f"UV={uv}",
                               f"PYTHON={sys.base_prefix}/bin/python3", f"LAB_ARGS={args}"], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        listing, deadline = None, time.monotonic() + 240  # the install, then JupyterLab's start
        while time.monotonic() < deadline and server.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/contents?token={token}"
                with urllib.request.urlopen(url, timeout=5) as response:
                    listing = json.load(response)
                break
            except OSError:
                time.sleep(0.5)
        assert listing is not None, server.stdout.read1().decode(errors="replace") if server.poll() else "no answer"
        names = {item["name"]: item["type"] for item in listing["content"]}
        assert names.get("book") == "directory" and names.get("data") == "directory"
        kernels = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}"))
        assert "python3" in kernels["kernelspecs"]  # the kernel `factcheck execute` runs the book with
        listed = subprocess.run([uv, "pip", "list", "--format=json", "--python", venv / "bin" / "python"],
                                capture_output=True, text=True, check=True).stdout
        assert {"factcheck", "jupyterlab"} <= {p["name"] for p in json.loads(listed)}  # the book's venv, plus the lab
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
