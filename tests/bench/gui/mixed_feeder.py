#!/usr/bin/env python3
"""A second, independent feeder for scripts/bench-gui (MIXED=1): raw MQTT 3.1.1 PUBLISH
packets (QoS 0) written by several publisher processes at once, so that the broker, not one
client, sets the rate.

  mixed_feeder.py build DIR COUNT PUBLISHERS [BIG_MB]
      Writes DIR/feed-<k>.bin, one per publisher: COUNT messages in all, spread over the
      topics bench/s0/..., bench/s1/..., bench/s2/... (one per subscription of the bench), with
      payloads of 16 B to 2 KiB: JSON, text and binary. With BIG_MB, publisher 0 sends one
      payload of that many MiB (topic bench/s0/big) halfway through its share.
  mixed_feeder.py send PORT DIR
      Connects one client per file and writes each file in 256 KiB blocks, all at once.
"""
import multiprocessing
import os
import random
import socket
import sys


def varint(x):
    out = bytearray()
    while True:
        d, x = x % 128, x // 128
        out.append(d | (0x80 if x else 0))
        if not x:
            return bytes(out)


def publish(topic, payload):
    body = len(topic).to_bytes(2, "big") + topic + payload
    return b"\x30" + varint(len(body)) + body


def payload_for(i, rng):
    kind = i % 10
    if kind < 4:  # JSON, 60 B to 1 KiB
        fields = rng.randint(2, 40)
        return ("{" + ", ".join(f'"f{k}": {rng.randint(0, 99999)}' for k in range(fields)) +
                f', "seq": {i}}}').encode()
    if kind < 7:  # text, 16 B to 200 B
        return (f"reading {i} " + "abcdefghij" * rng.randint(1, 19)).encode()[:max(16, rng.randint(16, 200))]
    return rng.randbytes(rng.randint(16, 2048))  # binary, 16 B to 2 KiB


def build(directory, count, publishers, big_mb):
    rng = random.Random(20261207)
    os.makedirs(directory, exist_ok=True)
    per = [count // publishers + (1 if k < count % publishers else 0) for k in range(publishers)]
    i = 0
    for k in range(publishers):
        buf = bytearray()
        for n in range(per[k]):
            topic = f"bench/s{i % 3}/dev{i % 50}/{'state' if i % 2 else 'data'}".encode()
            buf += publish(topic, payload_for(i, rng))
            if k == 0 and big_mb and n == per[k] // 2:
                buf += publish(b"bench/s0/big", rng.randbytes(big_mb * 1024 * 1024))
            i += 1
        with open(os.path.join(directory, f"feed-{k}.bin"), "wb") as f:
            f.write(buf)


def send_one(port, path, k):
    data = open(path, "rb").read()
    s = socket.create_connection(("127.0.0.1", port))
    cid = f"bench-mixed-{k}".encode()
    vh = b"\x00\x04MQTT\x04\x02\x00\x3c" + len(cid).to_bytes(2, "big") + cid
    s.sendall(b"\x10" + bytes([len(vh)]) + vh)
    ack = s.recv(4)
    assert ack[:1] == b"\x20" and ack[3:4] == b"\x00", ack
    view = memoryview(data)
    for start in range(0, len(data), 256 * 1024):
        s.sendall(view[start:start + 256 * 1024])
    s.sendall(b"\xe0\x00")
    s.close()


def send(port, directory):
    files = sorted(f for f in os.listdir(directory) if f.startswith("feed-"))
    procs = [multiprocessing.Process(target=send_one, args=(port, os.path.join(directory, f), k))
             for k, f in enumerate(files)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    if any(p.exitcode for p in procs):
        sys.exit("a publisher failed")


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]),
              int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    elif sys.argv[1] == "send":
        send(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)
