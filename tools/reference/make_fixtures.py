#!/usr/bin/python3
"""Reference values for Loupe's numerics and metrics tests, computed with the libraries the field uses.

Run from the repository root:   /usr/bin/python3 tools/reference/make_fixtures.py
It installs Debian's python3-skimage, python3-scipy, python3-opencv and python3-pywt when they are missing, cuts
small test images from the bundled samples, and writes them with the expected results to
bundles/org.loupe.testing/fixtures/ (reference.json plus the images). The JUnit tests compare Loupe against these
values; re-run this script only when a test image or a case changes, and commit its output.
"""
import json
import os
import sys

from apt_packages import ensure_packages  # beside this script

PACKAGES = {"numpy": "python3-numpy", "scipy": "python3-scipy", "skimage": "python3-skimage",
            "cv2": "python3-opencv", "pywt": "python3-pywt"}


ensure_packages(PACKAGES)

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pywt  # noqa: E402
import scipy  # noqa: E402
import skimage  # noqa: E402
from scipy import ndimage  # noqa: E402
from skimage.metrics import peak_signal_noise_ratio, structural_similarity  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "bundles", "org.loupe.samples", "samples")
OUT = os.path.join(ROOT, "bundles", "org.loupe.testing", "fixtures")


def save(name, img):
    path = os.path.join(OUT, name)
    if not cv2.imwrite(path, img):
        raise SystemExit("could not write " + path)
    return name


def flat(a):
    """Row-major values, exact: integers as integers, everything else as the shortest text that reads back equal."""
    out = []
    for v in np.asarray(a, dtype=np.float64).ravel():
        out.append(int(v) if v == int(v) and abs(v) < 2 ** 53 else float(v))
    return out


def luma_matlab(rgb):
    """MATLAB rgb2ycbcr on uint8 RGB, luma only: rounded half away from zero (values are positive)."""
    r, g, b = [rgb[..., i].astype(np.float64) for i in range(3)]
    return np.floor(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255 + 0.5)


def main():
    os.makedirs(OUT, exist_ok=True)
    butterfly = cv2.imread(os.path.join(SAMPLES, "butterfly.png"), cv2.IMREAD_COLOR)[..., ::-1]  # to RGB
    xray = cv2.imread(os.path.join(SAMPLES, "xray-board.tif"), cv2.IMREAD_UNCHANGED)
    rng = np.random.default_rng(2026)

    rgb8 = np.ascontiguousarray(butterfly[100:132, 60:108])                   # 48 x 32
    gray8 = np.ascontiguousarray(luma_matlab(rgb8).astype(np.uint8))
    gray16 = np.ascontiguousarray(xray[100:132, 40:88])
    gray32 = (gray16.astype(np.float32) / 65535).astype(np.float32)
    inputs = {"gray8": save("gray8.png", gray8), "gray16": save("gray16.png", gray16),
              "rgb8": save("rgb8.png", rgb8[..., ::-1]), "gray32": save("gray32.tif", gray32)}

    # distorted versions for the image metrics
    gray8_d = np.clip(ndimage.gaussian_filter(gray8.astype(float), 1.0) + rng.normal(0, 6, gray8.shape), 0, 255)
    gray8_d = np.floor(gray8_d + 0.5).astype(np.uint8)
    gray16_d = np.clip(gray16.astype(float) + rng.normal(0, 900, gray16.shape), 0, 65535)
    gray16_d = np.floor(gray16_d + 0.5).astype(np.uint16)
    rgb8_d = np.clip(rgb8.astype(float) + rng.normal(0, 8, rgb8.shape), 0, 255)
    rgb8_d = np.floor(rgb8_d + 0.5).astype(np.uint8)
    inputs.update({"gray8_d": save("gray8_d.png", gray8_d), "gray16_d": save("gray16_d.png", gray16_d),
                   "rgb8_d": save("rgb8_d.png", rgb8_d[..., ::-1])})

    def ssim(a, b, rng_, channel_axis=None):
        return float(structural_similarity(a.astype(np.float64), b.astype(np.float64), data_range=rng_,
                                           gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
                                           channel_axis=channel_axis))

    y, y_d = luma_matlab(rgb8), luma_matlab(rgb8_d)
    metrics = {
        "psnr_gray8": float(peak_signal_noise_ratio(gray8, gray8_d, data_range=255)),
        "psnr_gray16": float(peak_signal_noise_ratio(gray16, gray16_d, data_range=65535)),
        "psnr_rgb8_all": float(peak_signal_noise_ratio(rgb8, rgb8_d, data_range=255)),
        "psnr_rgb8_y": float(peak_signal_noise_ratio(y, y_d, data_range=255)),
        "psnr_gray8_shave4": float(peak_signal_noise_ratio(gray8[4:-4, 4:-4], gray8_d[4:-4, 4:-4], data_range=255)),
        "ssim_gray8": ssim(gray8, gray8_d, 255),
        "ssim_gray16": ssim(gray16, gray16_d, 65535),
        "ssim_rgb8_all": ssim(rgb8, rgb8_d, 255, channel_axis=2),
        "ssim_rgb8_y": ssim(y, y_d, 255),
        "ssim_gray8_shave4": ssim(gray8[4:-4, 4:-4], gray8_d[4:-4, 4:-4], 255),
    }

    filters = {}
    for k in (3, 5):
        filters["median_gray8_%d_opencv" % k] = flat(cv2.medianBlur(gray8, k))
        filters["median_gray16_%d_opencv" % k] = flat(cv2.medianBlur(gray16, k))
    for k in (3, 5, 7, 9, 15):
        filters["median_gray8_%d" % k] = flat(ndimage.median_filter(gray8, size=k, mode="nearest"))
        filters["median_gray16_%d" % k] = flat(ndimage.median_filter(gray16, size=k, mode="nearest"))
        filters["median_gray32_%d" % k] = flat(ndimage.median_filter(gray32, size=k, mode="nearest"))
    for s in (0.8, 2.0):
        filters["gaussian_gray32_sigma%g" % (10 * s)] = flat(ndimage.gaussian_filter(gray32.astype(np.float64), s,
                                                                        mode="nearest", truncate=4.0))
        filters["gaussian_gray16_sigma%g" % (10 * s)] = flat(ndimage.gaussian_filter(gray16.astype(np.float64), s,
                                                                        mode="nearest", truncate=4.0))
    for k in (3, 5):
        filters["box_gray32_%d" % k] = flat(ndimage.uniform_filter(gray32.astype(np.float64), size=k,
                                                                  mode="nearest"))
    h, w = gray32.shape
    filters["bilinear_x2_gray32"] = flat(cv2.resize(gray32, (2 * w, 2 * h), interpolation=cv2.INTER_LINEAR))

    spectrum = np.fft.fft2(gray32.astype(np.float64))
    fft = {"re": flat(spectrum.real), "im": flat(spectrum.imag), "power": flat(np.abs(spectrum) ** 2),
           "shifted_power": flat(np.fft.fftshift(np.abs(spectrum) ** 2))}

    coeffs = pywt.wavedec2(gray32.astype(np.float64), "haar", mode="periodization", level=2)
    haar = {"approximation": flat(coeffs[0]),
            "level2": {"h": flat(coeffs[1][0]), "v": flat(coeffs[1][1]), "d": flat(coeffs[1][2])},
            "level1": {"h": flat(coeffs[2][0]), "v": flat(coeffs[2][1]), "d": flat(coeffs[2][2])}}

    # two overlapping shapes as segmentation masks; surfaces and distances as MedPy computes them
    mask_a = np.zeros((32, 48), np.uint8)
    mask_b = np.zeros((32, 48), np.uint8)
    cv2.ellipse(mask_a, (22, 16), (14, 9), 20, 0, 360, 255, -1)
    cv2.rectangle(mask_b, (10, 8), (36, 24), 255, -1)
    mask_b[27:30, 40:45] = 255  # a stray blob, which moves the Hausdorff distance more than HD95
    inputs.update({"mask_a": save("mask_a.png", mask_a), "mask_b": save("mask_b.png", mask_b)})
    a, b = mask_a > 0, mask_b > 0
    cross = ndimage.generate_binary_structure(2, 1)
    sa = a ^ ndimage.binary_erosion(a, structure=cross, iterations=1)
    sb = b ^ ndimage.binary_erosion(b, structure=cross, iterations=1)
    d_ab = ndimage.distance_transform_edt(~sb)[sa]
    d_ba = ndimage.distance_transform_edt(~sa)[sb]
    both = np.hstack((d_ab, d_ba))
    segmentation = {"dice": float(2 * (a & b).sum() / (a.sum() + b.sum())),
                    "iou": float((a & b).sum() / (a | b).sum()),
                    "hausdorff": float(both.max()), "hd95": float(np.percentile(both, 95))}

    reference = {
        "generator": "tools/reference/make_fixtures.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "skimage": skimage.__version__,
                     "opencv": cv2.__version__, "pywt": pywt.__version__},
        "inputs": inputs, "metrics": metrics, "filters": filters, "fft": fft, "haar": haar,
        "segmentation": segmentation,
    }
    with open(os.path.join(OUT, "reference.json"), "w") as f:
        json.dump(reference, f, sort_keys=True, separators=(",", ":"))
    print("wrote", os.path.relpath(OUT, ROOT), "with", len(filters), "filter cases and", len(metrics), "metrics")


if __name__ == "__main__":
    main()
