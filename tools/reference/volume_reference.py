"""Volumes made and read by nibabel and pydicom (Debian's python3-nibabel and python3-pydicom, installed by this
script), for Loupe's round-trip tests.

    /usr/bin/python3 tools/reference/volume_reference.py make DIR
        writes DIR/nibabel.nii.gz (int16 with scl_slope/scl_inter and a rotated affine) and DIR/pydicom/ (a CT series
        whose file names run against its slice positions), each with the values Loupe must read (<name>.f64, x
        fastest, float64 little endian) and their geometry (<name>.json: the RAS affine for NIfTI, the LPS origin,
        axes and spacing for DICOM).
    /usr/bin/python3 tools/reference/volume_reference.py read NIFTI DICOM_DIR OUT
        reads a NIfTI file with nibabel and a DICOM series with pydicom (slices sorted by position) and writes what
        they hold to OUT/nifti.f64, OUT/nifti.json, OUT/dicom.f64 and OUT/dicom.json.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apt_packages import ensure_packages  # noqa: E402

ensure_packages({"pydicom": "python3-pydicom", "nibabel": "python3-nibabel", "numpy": "python3-numpy"})

import nibabel as nib  # noqa: E402
import numpy as np  # noqa: E402
import pydicom  # noqa: E402
from pydicom.dataset import FileDataset, FileMetaDataset  # noqa: E402
from pydicom.uid import ExplicitVRLittleEndian, generate_uid  # noqa: E402

CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"


def save_values(path, volume_xyz):
    """Values x fastest (Fortran order), float64 little endian."""
    np.asarray(volume_xyz, dtype="<f8").ravel(order="F").tofile(path)


def make_nifti(out):
    rng = np.random.default_rng(7)
    stored = rng.integers(-2000, 3000, size=(7, 5, 4)).astype(np.int16)
    angle = np.deg2rad(20)
    rotation = np.array([[np.cos(angle), -np.sin(angle), 0], [np.sin(angle), np.cos(angle), 0], [0, 0, 1]])
    affine = np.eye(4)
    affine[:3, :3] = rotation @ np.diag([0.8, 0.9, 3.0])
    affine[:3, 3] = [-50.5, 20.25, -110.0]
    image = nib.Nifti1Image(stored, affine)
    image.header.set_slope_inter(0.5, -100.0)
    image.set_qform(affine, code=1)
    image.set_sform(affine, code=1)
    nib.save(image, os.path.join(out, "nibabel.nii.gz"))
    save_values(os.path.join(out, "nibabel.f64"), stored.astype(np.float64) * 0.5 - 100.0)
    with open(os.path.join(out, "nibabel.json"), "w") as f:
        json.dump({"shape": list(stored.shape), "affine": affine.tolist()}, f)


def make_dicom(out):
    folder = os.path.join(out, "pydicom")
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(11)
    rows, cols, slices = 6, 9, 5
    stored = rng.integers(0, 3000, size=(slices, rows, cols)).astype(np.int16)
    series, study, frame = generate_uid(), generate_uid(), generate_uid()
    spacing, thickness = (0.7, 0.6), 2.0
    origin = np.array([-100.0, -80.0, 40.0])
    for k in range(slices):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CT_IMAGE_STORAGE
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        # file k holds the slice k steps below the origin: names run against positions
        name = os.path.join(folder, f"slice{k:02d}.dcm")
        ds = FileDataset(name, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID = CT_IMAGE_STORAGE
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.Modality = "CT"
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
        ds.SeriesDescription = "pydicom phantom"
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = [float(v) for v in origin - [0, 0, k * thickness]]
        ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
        ds.PixelSpacing = list(spacing)
        ds.SliceThickness = thickness
        ds.Rows, ds.Columns = rows, cols
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
        ds.PixelData = stored[k].tobytes()
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.save_as(name, write_like_original=False)
    # Loupe stacks by position along the normal (+z here): the lowest slice, the last file, comes first
    hu = stored[::-1].astype(np.float64) - 1024
    save_values(os.path.join(out, "pydicom.f64"), np.transpose(hu, (2, 1, 0)))
    with open(os.path.join(out, "pydicom.json"), "w") as f:
        json.dump({"shape": [cols, rows, slices], "origin": (origin - [0, 0, (slices - 1) * thickness]).tolist(),
                   "spacing": [spacing[1], spacing[0], thickness], "direction": [1, 0, 0, 0, 1, 0, 0, 0, 1]}, f)


def read(nifti, dicom_dir, out):
    os.makedirs(out, exist_ok=True)
    image = nib.load(nifti)
    save_values(os.path.join(out, "nifti.f64"), image.get_fdata(dtype=np.float64))
    with open(os.path.join(out, "nifti.json"), "w") as f:
        json.dump({"shape": list(image.shape), "affine": image.affine.tolist(),
                   "qform": image.get_qform().tolist(), "dtype": str(image.get_data_dtype())}, f)
    slices = [pydicom.dcmread(os.path.join(dicom_dir, n)) for n in sorted(os.listdir(dicom_dir))]
    normal = np.cross(np.array(slices[0].ImageOrientationPatient[:3], dtype=float),
                      np.array(slices[0].ImageOrientationPatient[3:], dtype=float))
    slices.sort(key=lambda d: float(np.dot(np.array(d.ImagePositionPatient, dtype=float), normal)))
    hu = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in slices])
    save_values(os.path.join(out, "dicom.f64"), np.transpose(hu, (2, 1, 0)))
    with open(os.path.join(out, "dicom.json"), "w") as f:
        json.dump({"shape": [int(slices[0].Columns), int(slices[0].Rows), len(slices)],
                   "origin": [float(v) for v in slices[0].ImagePositionPatient],
                   "spacing": [float(slices[0].PixelSpacing[1]), float(slices[0].PixelSpacing[0])],
                   "modality": str(slices[0].Modality), "sopClass": str(slices[0].SOPClassUID)}, f)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "make":
        os.makedirs(sys.argv[2], exist_ok=True)
        make_nifti(sys.argv[2])
        make_dicom(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "read":
        read(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
    print(f"nibabel {nib.__version__}, pydicom {pydicom.__version__}: done", file=sys.stderr)


if __name__ == "__main__":
    main()
