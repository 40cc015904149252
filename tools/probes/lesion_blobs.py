#!/usr/bin/python3
"""Probe of a core-and-rim statistic for liver metastases on phantoms made by `loupe data ct-liver`.

After the 3x3x3 median, at every voxel of the true liver mask and for each core radius, the mean HU in a ball (the
core) is compared with the liver's median, and the mean in a shell around it (the rim) with the core's mean; each
difference is divided by its robust spread over the liver's interior and the two are added, and the largest over
the radii is the voxel's score. Each metastasis gets the largest score inside it; the background is the local maxima
of the score away from every lesion. Printed per metastasis of 8 mm or more: its score, how many background maxima per
case score higher (the candidates per case a detector on this score would add to reach it), and whether the
threshold stage (`lesion_candidates.py`'s shipped setting) gives it a candidate. A research aid; Loupe does not run it.

    /usr/bin/python3 tools/probes/lesion_blobs.py val-low-44          # about 10 s per case
"""
import argparse, glob, json, os
import numpy as np, nibabel as nib
from scipy import ndimage as ndi
import lesion_candidates as lc  # beside this script


def shell(r_in, r_out, spacing):
    n = [int(np.ceil(r_out / s)) for s in spacing]
    g = np.meshgrid(*[np.arange(-k, k + 1) * s for k, s in zip(n, spacing)], indexing='ij')
    d = np.sqrt(sum(x * x for x in g))
    return ((d >= r_in) & (d <= r_out)).astype(np.float32)


def masked_mean(x, w, k):
    num, den = ndi.convolve(x * w, k, mode='constant'), ndi.convolve(w, k, mode='constant')
    return np.where(den > 0.5 * k.sum(), num / np.maximum(den, 1e-6), np.nan)


def robust_z(v, inside):
    centre = np.nanmedian(v[inside])
    return v / (1.4826 * np.nanmedian(np.abs(v[inside] - centre)))


def score(ct, liver, spacing, radii):
    level = np.median(ct[liver])
    inside = (liver & (ct > -30)).astype(np.float32)
    interior = ndi.binary_erosion(liver, iterations=2)
    best = np.full(ct.shape, -np.inf, dtype=np.float32)
    for r in radii:
        core = masked_mean(ct, inside, shell(0, r, spacing))
        rim = masked_mean(ct, inside, shell(r + 0.7, r + 2.8, spacing))
        dark, ring = robust_z(level - core, interior), robust_z(rim - core, interior)
        s = np.nan_to_num(np.maximum(dark, 0) + np.maximum(ring, 0), nan=-np.inf)
        best = np.maximum(best, s)
    best[~interior] = -np.inf
    return best, interior


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('dataset')
    ap.add_argument('--radii', default='2.1,2.8,3.5,4.5', help='core radii, mm')
    a = ap.parse_args()
    radii = [float(x) for x in a.radii.split(',')]
    cases = sorted(glob.glob(a.dataset + '/case-*'))
    rows, background = [], []
    for case in cases:
        ct, spacing = lc.denoise(case)
        liver = np.asarray(nib.load(case + '/liver.nii.gz').dataobj) != 0
        lesions = np.asarray(nib.load(case + '/tumours.nii.gz').dataobj).astype(int)
        s, interior = score(ct, liver, spacing, radii)
        away = interior & ~ndi.binary_dilation(lesions > 0, iterations=3)
        background.append(s[(s == ndi.maximum_filter(s, size=(5, 5, 3))) & away])
        _, found = lc.probe(case, [(2.5, 3.0, 20, 22, 5)], 1.0, 0.5, denoised=(ct, spacing))
        found = list(found.values())[0][0]
        for t in json.load(open(case + '/case.json'))['tumours']:
            inside = lesions == t['id']
            rows.append((t['diameterMm'], os.path.basename(case), t['id'], t['kind'],
                         float(s[inside].max()) if inside.any() else float('nan'), found[t['id']]))
        print('probed', os.path.basename(case), flush=True)
    background = np.concatenate(background)
    n = len(cases)
    print('background maxima per case above a score: ' + ', '.join(
        '%g: %.1f' % (q, (background > q).sum() / n) for q in (4, 5, 6, 7, 8, 10)))
    for d, name, lesion, kind, sc, cand in sorted(rows):
        if kind != 'cyst' and d >= 8:
            print('%s lesion %d, %s of %.1f mm: score %.1f, background maxima above it per case %.2f, candidate %s'
                  % (name, lesion, kind, d, sc, (background > sc).sum() / n, cand))


if __name__ == '__main__':
    main()
