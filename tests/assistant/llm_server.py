"""A scripted OpenAI-compatible chat server on 127.0.0.1 for the LLM tests."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[str], str]  # the user message -> the model's reply


def cite(marker_text: str) -> Reply:
    """A reply that states the passage containing ``marker_text`` and cites its number."""

    def reply(prompt: str) -> str:
        for number, body in re.findall(
            r'<lähde numero="(\d+)".*?">\n(.*?)\n</lähde>', prompt, re.S
        ):
            if marker_text in body:
                return f"Toinen rahoitushaku oli auki {marker_text} [{number}]."
        return "En löydä tähän vastausta asiakirjoista."

    return reply


class ScriptedLLM:
    """Answers /v1/chat/completions (plain and ``stream=true`` SSE) as the test scripts it."""

    def __init__(self) -> None:
        self.reply: Reply = lambda prompt: "En löydä tähän vastausta asiakirjoista."
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                return None

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                if server.delay:
                    time.sleep(server.delay)
                if server.status != 200:
                    self.send_response(server.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "scripted failure"}}')
                    return
                prompt = body["messages"][-1]["content"]
                text = server.reply(prompt)
                if body.get("stream"):
                    self._stream(body["model"], text)
                else:
                    self._plain(body["model"], text)

            def _plain(self, model: str, text: str) -> None:
                payload = {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, model: str, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = re.findall(r"\S+\s*", text) or [""]
                for i, piece in enumerate(pieces):
                    delta = (
                        {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                    )
                    chunk = {
                        "id": "x",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": model,
                        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                end = {
                    "id": "x",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def prompts(self) -> list[str]:
        return [json.dumps(r["messages"], ensure_ascii=False) for r in self.requests]
