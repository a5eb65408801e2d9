#!/usr/bin/env python3
# A flood server for tst_storage_back_pressure's memory case, in a process of its own so that
# the flood's bytes never count in the client's memory (FakeBroker would buffer them in the
# test's own process). Listens on 127.0.0.1 (port 0: the system picks), prints
# "listening PORT", accepts one MQTT 3.1.1 client, answers its CONNECT with a CONNACK, then
# writes COUNT QoS 0 PUBLISH packets of SIZE-byte payloads (topic bp/rss, payload: the
# message's number, zero-padded) as fast as the client's socket takes them. Prints
# "blocked SENT" (bytes written so far) each time the socket has taken nothing for 300 ms
# (the client stopped reading), and "done SENT" when all is written. Exits when the
# client closes, or after 120 s at most. With --websocket it first answers the client's
# WebSocket upgrade (RFC 6455) and then carries the same bytes in binary frames, one per
# write of about 64 KiB.
#   flood_server.py COUNT SIZE [--websocket]
import base64
import hashlib
import select
import socket
import sys
import time


def remaining_length(n):
    out = bytearray()
    while True:
        byte = n % 128
        n //= 128
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def publish(topic, payload):
    body = len(topic).to_bytes(2, "big") + topic + payload
    return b"\x30" + remaining_length(len(body)) + body


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_packet(conn):
    header = conn.recv(1)
    if not header:
        return None
    length, shift = 0, 0
    while True:
        byte = conn.recv(1)[0]
        length |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    body = recv_exact(conn, length)
    return None if body is None else (header[0], body)


def accept_upgrade(conn):
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk:
            return False
        request += chunk
    key = b""
    for line in request.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"sec-websocket-key":
            key = value.strip()
    accept = base64.b64encode(
        hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
    conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept +
                 b"\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
    return True


def read_client_frame(conn):
    """The payload of one masked client frame (the client sends a packet per frame)."""
    header = recv_exact(conn, 2)
    if header is None:
        return None
    length = header[1] & 0x7F
    if length == 126:
        length = int.from_bytes(recv_exact(conn, 2), "big")
    elif length == 127:
        length = int.from_bytes(recv_exact(conn, 8), "big")
    mask = recv_exact(conn, 4) if header[1] & 0x80 else b"\0\0\0\0"
    payload = recv_exact(conn, length) or b""
    return bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def server_frame(payload):
    """An unmasked binary frame, as a server sends it."""
    n = len(payload)
    if n < 126:
        return bytes([0x82, n]) + payload
    if n <= 0xFFFF:
        return bytes([0x82, 126]) + n.to_bytes(2, "big") + payload
    return bytes([0x82, 127]) + n.to_bytes(8, "big") + payload


def main():
    count, size = int(sys.argv[1]), int(sys.argv[2])
    websocket = "--websocket" in sys.argv[3:]
    deadline = time.monotonic() + 120
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    print("listening", server.getsockname()[1], flush=True)
    conn, _ = server.accept()
    if websocket:
        if not accept_upgrade(conn):
            print("no upgrade", flush=True)
            return 1
        frame = read_client_frame(conn)
        packet = (frame[0], frame[2:]) if frame else None
    else:
        packet = read_packet(conn)
    if packet is None or packet[0] >> 4 != 1:
        print("no CONNECT", flush=True)
        return 1
    connack = b"\x20\x02\x00\x00"
    conn.sendall(server_frame(connack) if websocket else connack)
    conn.setblocking(False)
    topic = b"bp/rss"
    sent = 0
    reported_blocked = False
    pending = b""
    next_message = 0
    while time.monotonic() < deadline:
        if not pending:
            if next_message == count:
                break
            # About 64 KiB of packets per write, as a busy broker writes them.
            parts = []
            while next_message < count and sum(map(len, parts)) < 65536:
                payload = str(next_message).zfill(size).encode()
                parts.append(publish(topic, payload))
                next_message += 1
            pending = b"".join(parts)
            if websocket:
                pending = server_frame(pending)
        _, writable, _ = select.select([], [conn], [], 0.3)
        if not writable:
            if not reported_blocked:
                print("blocked", sent, flush=True)
                reported_blocked = True
            continue
        try:
            n = conn.send(pending)
        except BlockingIOError:
            continue
        sent += n
        pending = pending[n:]
        if n:
            reported_blocked = False  # flowing again: the next stall is reported too
    print("done", sent, flush=True)
    conn.setblocking(True)
    conn.settimeout(max(1.0, deadline - time.monotonic()))
    try:
        while conn.recv(65536):
            pass
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
