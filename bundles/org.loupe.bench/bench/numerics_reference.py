#!/usr/bin/python3
"""Times the operations of `./loupe bench numerics` in OpenCV and scikit-image, on the images Loupe wrote.

Called by the bench command with: --dir DIR --runs N. Prints one JSON object on stdout:
{"opencv": {"<op>|<type>": milliseconds, ...}, "skimage": {...}, "versions": {...}}
Each figure is the median of N runs after one warm-up run. Uses Debian's python3-opencv and python3-skimage.
"""
import argparse
import json
import os
import statistics
import time

import cv2
import numpy as np
import skimage
from skimage import filters, metrics, transform


def timed(fn, runs):
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def opencv_ssim(a, b, data_range):
    """SSIM as OpenCV's own documentation computes it (Gaussian 11x11, sigma 1.5), averaged over the valid area."""
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    blur = lambda x: cv2.GaussianBlur(x, (11, 11), 1.5)
    mu_a, mu_b = blur(a), blur(b)
    saa, sbb, sab = blur(a * a) - mu_a ** 2, blur(b * b) - mu_b ** 2, blur(a * b) - mu_a * mu_b
    m = ((2 * mu_a * mu_b + c1) * (2 * sab + c2)) / ((mu_a ** 2 + mu_b ** 2 + c1) * (saa + sbb + c2))
    return m[5:-5, 5:-5].mean()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--runs", type=int, default=7)
    a = p.parse_args()
    out = {"opencv": {}, "skimage": {}, "versions": {"opencv": cv2.__version__, "skimage": skimage.__version__,
                                                     "numpy": np.__version__, "opencv_threads": cv2.getNumThreads()}}
    for kind, rng_ in (("8-bit", 255), ("16-bit", 65535)):
        suffix = "8" if kind == "8-bit" else "16"
        img = cv2.imread(os.path.join(a.dir, "bench%s.png" % suffix), cv2.IMREAD_UNCHANGED)
        other = cv2.imread(os.path.join(a.dir, "bench%s_b.png" % suffix), cv2.IMREAD_UNCHANGED)
        f64 = img.astype(np.float64)
        cv = {
            "median 3x3": lambda: cv2.medianBlur(img, 3),
            "median 5x5": lambda: cv2.medianBlur(img, 5),
            "gaussian sigma 2": lambda: cv2.GaussianBlur(img, (0, 0), 2, borderType=cv2.BORDER_REPLICATE),
            "bicubic x2": lambda: cv2.resize(img, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
            "bicubic /2": lambda: cv2.resize(img, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_CUBIC),
            # OpenCV has no antialiased bicubic; scikit-image's recipe (Gaussian prefilter, sigma (1/scale - 1) / 2,
            # then bicubic) is the comparable workload
            "bicubic /2 antialiased": lambda: cv2.resize(cv2.GaussianBlur(img, (0, 0), 0.5), None, fx=0.5, fy=0.5,
                                                         interpolation=cv2.INTER_CUBIC),
            "ssim": lambda: opencv_ssim(img, other, rng_),
            "fft2": lambda: cv2.dft(f64, flags=cv2.DFT_COMPLEX_OUTPUT),
        }
        sk = {
            "median 3x3": lambda: filters.median(img, np.ones((3, 3), bool), mode="nearest"),
            "median 5x5": lambda: filters.median(img, np.ones((5, 5), bool), mode="nearest"),
            "gaussian sigma 2": lambda: filters.gaussian(img, sigma=2, mode="nearest", truncate=4.0,
                                                         preserve_range=True),
            "bicubic x2": lambda: transform.rescale(img, 2, order=3, preserve_range=True, anti_aliasing=False),
            "bicubic /2": lambda: transform.rescale(img, 0.5, order=3, preserve_range=True, anti_aliasing=False),
            "bicubic /2 antialiased": lambda: transform.rescale(img, 0.5, order=3, preserve_range=True,
                                                                anti_aliasing=True),
            "ssim": lambda: metrics.structural_similarity(img, other, data_range=rng_, gaussian_weights=True,
                                                          sigma=1.5, use_sample_covariance=False),
            "fft2": lambda: np.fft.fft2(f64),
        }
        for op, fn in cv.items():
            out["opencv"][op + "|" + kind] = timed(fn, a.runs)
        for op, fn in sk.items():
            out["skimage"][op + "|" + kind] = timed(fn, a.runs)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
