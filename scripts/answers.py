#!/usr/bin/env python3
"""Whether a server answers at a URL (a TCP connection within 2 s): exit 0 if so, else 1.

    scripts/answers.py URL DEFAULT_PORT
"""
import socket
import sys
import urllib.parse

url = urllib.parse.urlparse(sys.argv[1])
try:
    socket.create_connection((url.hostname or "127.0.0.1", url.port or int(sys.argv[2])), timeout=2).close()
except OSError:
    sys.exit(1)
