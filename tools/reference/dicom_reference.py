"""Reference values for Loupe's DICOM reader, from pydicom (Debian's python3-pydicom, installed by this script).

For each DICOM file, writes into OUT a JSON line in index.jsonl and, when pydicom decodes the pixels, a raw
little-endian float64 file <name>.f64 holding pixel_array * RescaleSlope + RescaleIntercept (slope 1 and intercept 0
when absent), in pydicom's own order: frames, rows, columns, samples. Loupe's tests compare their values with these.

    /usr/bin/python3 tools/reference/dicom_reference.py --out DIR FILE...
    /usr/bin/python3 tools/reference/dicom_reference.py --out DIR --pydicom-test-files
"""
import argparse
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apt_packages import ensure_packages  # noqa: E402

ensure_packages({"pydicom": "python3-pydicom", "numpy": "python3-numpy"})

import numpy as np  # noqa: E402
import pydicom  # noqa: E402


def pydicom_test_files():
    """The test files pydicom ships (68 .dcm files in Debian's 2.3 package)."""
    root = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
    return sorted(glob.glob(os.path.join(root, "*.dcm")))


def number(ds, keyword, default):
    value = ds.get(keyword)
    if value is None or value == "":
        return default
    return float(value)


def reference(path, out):
    name = os.path.basename(path)
    row = {"file": name, "path": os.path.abspath(path)}
    try:
        ds = pydicom.dcmread(path, force=True)
        row["transferSyntax"] = str(ds.file_meta.get("TransferSyntaxUID", "")) if hasattr(ds, "file_meta") else ""
        if "PixelData" not in ds:
            row.update(status="no-pixels")
            return row
        pixels = ds.pixel_array
        slope = number(ds, "RescaleSlope", 1.0)
        intercept = number(ds, "RescaleIntercept", 0.0)
        values = pixels.astype(np.float64) * slope + intercept
        row.update(status="ok", shape=list(values.shape), slope=slope, intercept=intercept,
                   photometric=str(ds.get("PhotometricInterpretation", "")),
                   samplesPerPixel=int(ds.get("SamplesPerPixel", 1)),
                   bitsAllocated=int(ds.get("BitsAllocated", 0)),
                   frames=int(number(ds, "NumberOfFrames", 1)))
        values.astype("<f8").tofile(os.path.join(out, name + ".f64"))
    except Exception as e:  # pydicom's refusals are what the reference records, whatever their type
        row.update(status="error", error=f"{type(e).__name__}: {e}"[:300])
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--pydicom-test-files", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files + (pydicom_test_files() if args.pydicom_test_files else [])
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "index.jsonl"), "w") as index:
        for f in files:
            index.write(json.dumps(reference(f, args.out)) + "\n")
    print(f"pydicom {pydicom.__version__}: {len(files)} files referenced in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
