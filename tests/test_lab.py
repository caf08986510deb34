"""`make lab`: JupyterLab on the project, offline, with the book's environment."""

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import VENV

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_starts_jupyterlab_on_the_project_and_lists_the_book(root, tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
            f"--ServerApp.port_retries=0 --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
    env = {"PATH": f"{VENV}/bin:/usr/bin:/bin", "HOME": str(tmp_path), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    server = subprocess.Popen(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "lab", f"VENV={VENV}",
                               f"LAB_ARGS={args}"], cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, start_new_session=True)
    try:
        listing, deadline = None, time.monotonic() + 90
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
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
