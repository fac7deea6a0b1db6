#!/usr/bin/env python3
"""Writes the request bodies of the serving benchmark into OUT: a sample PNG, a v2 JSON infer body (1 image),
v2 binary infer bodies (1 and 8 images, with their JSON header lengths), and large black PNGs for the memory runs."""
import json, os, random, struct, sys, zlib

out, png = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
random.seed(1)
size = 3 * 32 * 32

with open(png, "rb") as source, open(os.path.join(out, "image.png"), "wb") as target:
    target.write(source.read())

pixels = [round(random.random(), 4) for _ in range(size)]
body = {"inputs": [{"name": "input", "shape": [1, 3, 32, 32], "datatype": "FP32", "data": pixels}]}
with open(os.path.join(out, "infer-1.json"), "w") as f:
    json.dump(body, f)

for batch in (1, 8):
    values = [random.random() for _ in range(batch * size)]
    raw = struct.pack("<%df" % len(values), *values)
    header = json.dumps({
        "inputs": [{"name": "input", "shape": [batch, 3, 32, 32], "datatype": "FP32", "parameters": {"binary_data_size": len(raw)}}],
        "outputs": [{"name": "logits", "parameters": {"binary_data": True}}],
    }).encode()
    with open(os.path.join(out, f"binary-{batch}.bin"), "wb") as f:
        f.write(header + raw)
    with open(os.path.join(out, f"binary-{batch}.header-length"), "w") as f:
        f.write(str(len(header)))

def black_png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\0" * (1 + (width + 7) // 8)  # 1-bit greyscale, filter 0
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)) + chunk(b"IDAT", data) + chunk(b"IEND", b"")

for side in (20000, 10000):
    with open(os.path.join(out, f"black-{side}.png"), "wb") as f:
        f.write(black_png(side, side))
