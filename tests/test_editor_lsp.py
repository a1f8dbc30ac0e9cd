"""The schemas as an editor reads them: the YAML language server of VS Code and Neovim, over its protocol.

`make test` installs the server (tools/yaml-language-server, from its lock file). A new edition's files
name their schemas by relative paths; the server must find them offline, report nothing on the fresh
files, flag mistakes where they stand, and complete keys and values.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from edition.scaffold import new_edition

SERVER = Path(__file__).resolve().parents[1] / "tools" / "yaml-language-server" / "node_modules" / ".bin"
SETTINGS = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
pytestmark = pytest.mark.slow


class LanguageServer:
    """A minimal LSP client: JSON-RPC over the server's stdin and stdout."""

    def __init__(self, root: Path):
        self.process = subprocess.Popen(
            [str(SERVER / "yaml-language-server"), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.root = root
        self.request(1, "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {
            "workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline().decode().strip()) != "":
                name, _, value = line.partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not length:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, number: int, method: str, params: dict[str, Any]) -> Any:
        self._send({"id": number, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == number and "method" not in m).get("result")

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                message = self.messages.get(timeout=0.5)
            except queue.Empty:
                continue
            if message.get("method") == "workspace/configuration":
                items = message["params"]["items"]
                self._send({"id": message["id"], "result": [SETTINGS if i.get("section") == "yaml" else None
                                                            for i in items]})
            elif "id" in message and "method" in message:
                self._send({"id": message["id"], "result": None})
            elif wanted(message):
                return message
        raise AssertionError("the language server did not answer")

    def open(self, relpath: str, text: str) -> list[dict[str, Any]]:
        """Open a document; the diagnostics the server publishes for it."""
        (self.root / relpath).write_text(text, encoding="utf-8")
        uri = (self.root / relpath).as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        published = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return published["params"]["diagnostics"]

    def complete(self, number: int, relpath: str, line: int, character: int) -> list[str]:
        uri = (self.root / relpath).as_uri()
        result = self.request(number, "textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        items = result.get("items", []) if isinstance(result, dict) else result or []
        return sorted({item["label"] for item in items})

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path):
    root = tmp_path / "edition"
    new_edition(root)
    client = LanguageServer(root)
    yield client
    client.close()


def test_the_fresh_files_raise_nothing(server: LanguageServer) -> None:
    for relpath in ("edition.yaml", "apparatus/glosses.yaml", "bibliography.yaml"):
        assert server.open(relpath, (server.root / relpath).read_text(encoding="utf-8")) == [], relpath


def test_mistakes_are_flagged_where_they_stand(server: LanguageServer) -> None:
    modeline = (server.root / "apparatus/glosses.yaml").read_text(encoding="utf-8").splitlines()[0]
    text = "\n".join([
        modeline,
        "glosses:",
        "  - id: a",
        "    lemmma: copy-text",  # line 3
        "    occurrence: first",  # line 4
        "    note: x",
        "index:",
        "  - id: b",
        "    heading: B",
        "    kind: persons",  # line 9
        "    forms: [copy]",
        "",
    ])
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.open("apparatus/bad.yaml", text)}
    assert (3, "Property lemmma is not allowed.") in found
    assert (4, 'Incorrect type. Expected "integer".') in found
    assert (9, 'Value is not accepted. Valid values: "person", "term", "place", "work", "other".') in found
    config = (server.root / "edition.yaml").read_text(encoding="utf-8").replace("language: en", "langage: en")
    messages = {d["message"] for d in server.open("edition.yaml", config)}
    assert "Property langage is not allowed." in messages and 'Missing property "language".' in messages


def test_keys_and_values_are_completed(server: LanguageServer) -> None:
    modeline = (server.root / "apparatus/glosses.yaml").read_text(encoding="utf-8").splitlines()[0]
    server.open("apparatus/c.yaml", f"{modeline}\nglosses:\n  - id: a\n    \n")
    labels = server.complete(10, "apparatus/c.yaml", 3, 4)
    assert {"lemma", "from", "to", "occurrence", "before", "after", "note"} <= set(labels)
    server.open("apparatus/d.yaml", f"{modeline}\nindex:\n  - id: a\n    kind: \n")
    assert {"person", "term", "place", "work", "other"} <= set(server.complete(11, "apparatus/d.yaml", 3, 10))
