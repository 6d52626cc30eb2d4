#!/usr/bin/python3
"""A real SMTP server for the mail tests (aiosmtpd): every accepted message is written to
DIR/mail/<n>.eml with DIR/mail/<n>.json beside it (envelope, TLS, AUTH user), each renamed
into place so a reader never sees half a file.

Usage: smtp_server.py --dir DIR [--port N] [--tls] [--require-tls] [--auth USER:PASSWORD]
                      [--hang-first-quit]
  --port 0 (default) picks a free port; the port is written to DIR/port once listening.
  --tls             offer STARTTLS with a certificate for 127.0.0.1/localhost made here with
                    openssl (DIR/cert.pem is also the CA file clients should trust)
  --require-tls     refuse MAIL before STARTTLS
  --auth            require AUTH PLAIN/LOGIN with these credentials (after STARTTLS)
  --hang-first-quit never answer the first QUIT (the client is stuck after the message was
                    accepted: a test kills it there)
Recipients decide the reply, so one server serves every case:
  *@reject.test   RCPT answered 550 5.1.1 (permanent)
  *@tempfail.test RCPT answered 451 4.3.0 (transient)
SIGTERM/SIGINT stop it.
"""
import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Maildir:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.count = len([n for n in os.listdir(directory) if n.endswith(".eml")])

    def store(self, envelope, session):
        self.count += 1
        base = os.path.join(self.directory, "%06d-%d" % (self.count, os.getpid()))
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "auth_user": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
        }
        for suffix, data in ((".json", json.dumps(meta).encode()), (".eml", envelope.original_content)):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)


class Handler:
    def __init__(self, maildir):
        self.maildir = maildir

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@reject.test"):
            return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        if address.endswith("@tempfail.test"):
            return "451 4.3.0 <%s>: Temporary lookup failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.maildir.store(envelope, session)
        return "250 2.0.0 Ok: queued"


class HangingQuitSMTP(SMTP):
    """Never answers the first QUIT it sees (across connections)."""
    hung = False

    async def smtp_QUIT(self, arg):
        if not HangingQuitSMTP.hung:
            HangingQuitSMTP.hung = True
            await asyncio.sleep(3600)
        await super().smtp_QUIT(arg)


def make_certificate(directory):
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", key, "-out", cert, "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-addext", "basicConstraints=critical,CA:TRUE"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def main():
    # aiosmtpd 1.4 warns about its own deprecated attribute on every AUTH.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--hang-first-quit", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    maildir = Maildir(os.path.join(args.dir, "mail"))

    tls_context = None
    if args.tls or args.require_tls:
        import ssl
        cert, key = make_certificate(args.dir)
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(cert, key)

    authenticator = None
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            return AuthResult(success=ok, auth_data=auth_data if ok else None)

    smtp_class = HangingQuitSMTP if args.hang_first_quit else SMTP
    handler = Handler(maildir)

    def factory():
        return smtp_class(handler, hostname="smtp.test", tls_context=tls_context,
                          require_starttls=args.require_tls, authenticator=authenticator,
                          auth_required=bool(args.auth), auth_require_tls=tls_context is not None)

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=args.port))
    port = server.sockets[0].getsockname()[1]
    port_file = os.path.join(args.dir, "port")
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(port_file + ".tmp", port_file)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        try:
            os.remove(port_file)
        except FileNotFoundError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
