"""Writes the bundled Fashion-MNIST subset: the first 1,000 training images (IDX, gzipped).

Source: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Run with
/usr/bin/python3 examples/vae/data/make_subset.py from the repository root.
"""
import gzip
import struct
from pathlib import Path

SOURCE = Path("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
TARGET = Path(__file__).with_name("fashion-mnist-1000-images-idx3-ubyte.gz")
COUNT = 1000

with gzip.open(SOURCE, "rb") as f:
    magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
    assert magic == 2051 and n >= COUNT
    pixels = f.read(COUNT * rows * cols)

with gzip.GzipFile(TARGET, "wb", mtime=0) as f:
    f.write(struct.pack(">IIII", magic, COUNT, rows, cols))
    f.write(pixels)
print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
