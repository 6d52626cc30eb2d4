#!/usr/bin/python3
"""Parses a received message with Python's own email package (an implementation independent
of the GMime that composed it) and prints what the mail tests check, as JSON on stdout:
decoded headers, raw header lines, the MIME structure, each leaf part decoded (text as text,
PDF text through pdftotext, everything as sha256 + size), parser defects and line-length facts of the raw bytes.
Usage: inspect_mail.py FILE.eml
"""
import email
import email.policy
import hashlib
import json
import re
import subprocess
import sys


def structure(part):
    if part.is_multipart():
        return "%s(%s)" % (part.get_content_type(), ",".join(structure(p) for p in part.iter_parts()))
    return part.get_content_type()


def pdf_text(payload):
    """The PDF's text as poppler's pdftotext reads it (poppler-utils), or "" without it."""
    try:
        result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=payload, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""


def main():
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.split(b"\r\n")
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    out = {
        "headers": {name: str(message[name]) for name in
                    ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version") if message[name] is not None},
        "raw_head": head,
        "structure": structure(message),
        "max_line_length": max(len(line) for line in lines),
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        "ascii_only": all(b < 128 for b in raw),
        "defects": [type(d).__name__ for part in message.walk() for d in part.defects],
        "parts": [],
    }
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        entry = {
            "content_type": part.get_content_type(),
            "params": dict((k, v) for k, v in part.get_params()[1:]) if part.get_params() else {},
            "filename": part.get_filename(),
            "disposition": part.get_content_disposition(),
            "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
            "sha256": hashlib.sha256(payload).hexdigest(),
            # The longest line of the part as it travelled (quoted-printable/base64: <= 76).
            "encoded_max_line": max(len(line) for line in part.get_payload(decode=False).split("\r\n")),
            "size": len(payload),
        }
        if part.get_content_type() == "application/pdf":
            entry["pdf_header"] = payload[:5].decode("latin-1")
            entry["pdf_pages"] = len(re.findall(rb"/Type\s*/Page\b(?!s)", payload))
            entry["pdf_text"] = pdf_text(payload)
        if part.get_content_maintype() == "text":
            entry["text"] = part.get_content()
        out["parts"].append(entry)
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
