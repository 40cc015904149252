#!/usr/bin/python3
"""Probe of the liver lesion candidate stage (LesionCandidates) on phantoms made by `loupe data ct-liver`.

Re-does the stage's steps with scipy on the true liver mask (3x3x3 median, normalised Gaussian smoothing inside the
liver, a region threshold and a stricter core threshold that grow with the liver's robust spread, a smallest region)
and counts, per setting, the tumours of 10 mm or more that get a candidate and the candidates that are no lesion.
A research aid for choosing the stage's settings on validation phantoms; Loupe itself does not run it.

    /usr/bin/python3 tools/probes/lesion_candidates.py val-low-44 \
        --setting 2.5,3.5,20,25,30 --setting 2.5,3.0,20,22,5     # region x, core x, region floor, core floor, mm3
"""
import argparse, glob, json, os
import numpy as np, pydicom, nibabel as nib
from scipy import ndimage as ndi


def load_ct(case):
    slices = [pydicom.dcmread(f) for f in glob.glob(case + '/ct/*') if not os.path.isdir(f)]
    slices.sort(key=lambda s: float(s.ImagePositionPatient[2]))
    v = np.stack([s.pixel_array * float(s.RescaleSlope) + float(s.RescaleIntercept) for s in slices], axis=-1)
    spacing = [float(x) for x in slices[0].PixelSpacing] + [float(slices[0].SliceThickness)]
    return np.transpose(v, (1, 0, 2)).astype(np.float32), spacing


def denoise(case):
    """The case's CT after the 3x3x3 median (as the liver chain's first step), and its spacing."""
    ct, spacing = load_ct(case)
    return ndi.median_filter(ct, size=3, mode='nearest'), spacing


def gaussian(sigma):
    r = int(np.ceil(3 * sigma))
    i = np.arange(-r, r + 1)
    k = np.exp(-i * i / (2 * sigma * sigma))
    return k / k.sum()


def smooth(a, sxy, sz):
    for axis, k in ((0, sxy), (1, sxy), (2, sz)):
        a = ndi.convolve1d(a, k, axis=axis, mode='nearest')
    return a


def probe(case, settings, smooth_mm, smooth_slices, denoised=None):
    """The candidates per setting; `denoised` is the case's (ct, spacing) after the median, if already read."""
    ct, spacing = denoised or denoise(case)
    liver = np.asarray(nib.load(case + '/liver.nii.gz').dataobj) != 0
    lesions = np.asarray(nib.load(case + '/tumours.nii.gz').dataobj).astype(int)
    truth = json.load(open(case + '/case.json'))['tumours']
    voxel = spacing[0] * spacing[1] * spacing[2]
    level = np.median(ct[liver])
    inside = liver & (ct > -30)
    kxy, kz = gaussian(smooth_mm / spacing[0]), gaussian(smooth_slices)
    num, den = smooth(np.where(inside, ct, 0), kxy, kz), smooth(inside.astype(np.float32), kxy, kz)
    sm = np.where(den > 0.2, num / np.maximum(den, 1e-6), np.nan)
    spread = 1.4826 * np.nanmedian(np.abs(sm[ndi.binary_erosion(liver)] - level))
    core = ndi.binary_erosion(inside)
    out = {}
    for region_x, core_x, region_floor, core_floor, smallest in settings:
        region, deep = max(region_floor, region_x * spread), max(core_floor, core_x * spread)
        labels, n = ndi.label(core & (sm < level - region), structure=np.ones((3, 3, 3)))
        idx = np.arange(1, n + 1)
        keep = set()
        if n:
            sizes = ndi.sum(np.ones_like(sm), labels, idx) * voxel
            darkest = ndi.minimum(np.nan_to_num(sm, nan=1e9), labels, idx)
            keep = {int(i) for i, s, m in zip(idx, sizes, darkest) if s >= smallest and m < level - deep}
        found = {t['id']: bool((set(np.unique(labels[lesions == t['id']])) - {0}) & keep) for t in truth}
        others = len(keep - set(np.unique(labels[lesions > 0])))
        out[region_x, core_x, region_floor, core_floor, smallest] = (found, others)
    return truth, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('dataset')
    ap.add_argument('--setting', action='append', required=True)
    ap.add_argument('--smooth-mm', type=float, default=1.0)
    ap.add_argument('--smooth-slices', type=float, default=0.5)
    a = ap.parse_args()
    settings = [tuple(float(x) for x in s.split(',')) for s in a.setting]
    totals = {s: [0, 0, 0] for s in settings}
    cases = sorted(glob.glob(a.dataset + '/case-*'))
    for case in cases:
        truth, out = probe(case, settings, a.smooth_mm, a.smooth_slices)
        for s, (found, others) in out.items():
            for t in truth:
                if t['kind'] != 'cyst' and t['diameterMm'] >= 10:
                    totals[s][0] += found[t['id']]
                    totals[s][1] += 1
            totals[s][2] += others
        print('probed', os.path.basename(case), flush=True)
    for s, (hit, n, others) in totals.items():
        print('setting %s: tumours >= 10 mm with a candidate %d of %d, candidates that are no lesion %.1f per case'
              % (','.join('%g' % x for x in s), hit, n, others / len(cases)))


if __name__ == '__main__':
    main()
