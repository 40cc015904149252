#!/usr/bin/python3
"""The work of `./loupe bench run`'s pipeline done by a plain OpenCV script, for comparison in the same run.

Called by the bench command with: --list FILE --out DIR. For every image path in the list file: read it unchanged
(16-bit), median 5x5, write the result as PNG into DIR, and measure PSNR of the result against the input. Prints one
JSON object on stdout: {"images": N, "seconds": wall time of the loop, "opencv": version}. Uses Debian's
python3-opencv; one process, one thread of Python (OpenCV may use its own threads inside each call).
"""
import argparse
import json
import os
import time

import cv2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.list) as f:
        files = [line.strip() for line in f if line.strip()]
    os.makedirs(args.out, exist_ok=True)
    t0 = time.perf_counter()
    for path in files:
        img = cv2.imread(path, cv2.IMREAD_UNCHANGED)
        if img is None:
            raise SystemExit("cannot read " + path)
        out = cv2.medianBlur(img, 5)
        cv2.imwrite(os.path.join(args.out, os.path.basename(path)), out)
        cv2.PSNR(out, img, 65535.0)
    seconds = time.perf_counter() - t0
    print(json.dumps({"images": len(files), "seconds": seconds, "opencv": cv2.__version__}))


if __name__ == "__main__":
    main()
