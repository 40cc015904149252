#!/usr/bin/python3
"""What a user would train instead of Loupe's learned detectors: torchvision's FCOS (one stage) or Faster R-CNN
(two stages), from scratch, on the same DeepPCB training part, for a fixed wall-clock budget, scored on the same
test part with the same rule (mAP@0.5, VOC all-point AP), with CPU inference speed measured the same way.

Run from the repository root (it installs Debian's python3-torch and python3-torchvision when they are missing):
    /usr/bin/python3 tools/reference/torchvision_detectors.py --dataset ../shared/data/deeppcb --model fcos \
        --minutes 60 --seed 1 --out fcos-s1.json

Split: Loupe's DeepPcbSplit over the list's pairs (the fifth of every ten for validation, the tenth for testing,
the rest for training); only the test image of each pair is used (single-image detection, no template). No
pretrained weights are used (none can be downloaded here): backbones start from random weights, as Loupe's do.
"""
import argparse
import json
import os
import sys
import time

from apt_packages import ensure_packages  # beside this script

PACKAGES = {"torch": "python3-torch", "torchvision": "python3-torchvision", "PIL": "python3-pil"}
CLASSES = ["open", "short", "mousebite", "spur", "copper", "pin-hole"]


ensure_packages(PACKAGES)

import torch  # noqa: E402
import torchvision  # noqa: E402
from PIL import Image  # noqa: E402
from torchvision.models.detection import FCOS, FasterRCNN  # noqa: E402
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone  # noqa: E402
from torchvision.transforms.functional import pil_to_tensor  # noqa: E402


def read_pairs(root, list_name):
    pairs = []
    with open(os.path.join(root, list_name)) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2:
                continue
            stem = os.path.basename(parts[0]).replace(".jpg", "")
            image = os.path.join(root, os.path.dirname(parts[0]), stem + "_test.jpg")
            boxes, labels = [], []
            with open(os.path.join(root, parts[1])) as a:
                for row in a:
                    v = row.replace(",", " ").split()
                    if len(v) >= 5:
                        boxes.append([float(x) for x in v[:4]])
                        labels.append(int(v[4]))
            pairs.append((stem, image, boxes, labels))
    return pairs


def part(pairs, which):
    keep = {"training": lambda i: i % 10 not in (4, 9), "validation": lambda i: i % 10 == 4,
            "test": lambda i: i % 10 == 9}[which]
    return [p for i, p in enumerate(pairs) if keep(i)]


def load(pair):
    grey = pil_to_tensor(Image.open(pair[1]).convert("L")).float() / 255
    return grey.expand(3, -1, -1).contiguous()


def build(name, seed):
    torch.manual_seed(seed)
    # ResNet-18 with a feature pyramid, random weights: the lightest backbone torchvision builds detectors on
    if name == "fcos":
        backbone = resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5,
                                       returned_layers=[2, 3, 4],
                                       extra_blocks=torchvision.ops.feature_pyramid_network.LastLevelP6P7(256, 256))
        return FCOS(backbone, num_classes=len(CLASSES) + 1, min_size=640, max_size=640)
    backbone = resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5)
    return FasterRCNN(backbone, num_classes=len(CLASSES) + 1, min_size=640, max_size=640)


def train(model, data, minutes, seed, batch):
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    model.train()
    start = time.time()
    steps = 0
    while time.time() - start < minutes * 60:
        idx = torch.randint(len(data), (batch,), generator=gen).tolist()
        images, targets = [], []
        for i in idx:
            img = load(data[i])
            boxes = torch.tensor(data[i][2], dtype=torch.float32).reshape(-1, 4)
            if torch.rand(1, generator=gen).item() < 0.5:  # horizontal flip
                img = img.flip(-1)
                w = img.shape[-1]
                boxes = torch.stack([w - boxes[:, 2], boxes[:, 1], w - boxes[:, 0], boxes[:, 3]], dim=1)
            images.append(img)
            targets.append({"boxes": boxes, "labels": torch.tensor(data[i][3], dtype=torch.int64)})
        warm = min(1.0, (steps + 1) / 200)  # linear warm-up: SGD at 0.01 diverges on random weights without it
        for g in opt.param_groups:
            g["lr"] = 0.01 * warm
        losses = model(images, targets)
        loss = sum(losses.values())
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
        opt.step()
        steps += 1
        if steps % 25 == 0:
            print(f"step {steps} loss {loss.item():.4f} {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    return steps, time.time() - start


def iou(a, b):
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def average_precision(dets, truth, label):
    """VOC all-point AP of one class: detections by falling score, each matched greedily to an unmatched box with
    IoU >= 0.5 (Loupe's MatchRule.VOC with ApInterpolation.ALL_POINT)."""
    gts = {k: [b for b, l in zip(*truth[k]) if l == label] for k in truth}
    total = sum(len(v) for v in gts.values())
    if total == 0:
        return None
    used = {k: [False] * len(v) for k, v in gts.items()}
    ranked = sorted([(s, k, b) for k, d in dets.items() for b, l, s in d if l == label], key=lambda t: -t[0])
    tp, fp, points = 0, 0, []
    for s, k, b in ranked:
        best, at = 0.0, -1
        for j, g in enumerate(gts[k]):
            o = iou(b, g)
            if o > best:
                best, at = o, j
        if best >= 0.5 and not used[k][at]:
            used[k][at] = True
            tp += 1
        else:
            fp += 1
        points.append((tp / total, tp / (tp + fp)))
    ap, prev_r = 0.0, 0.0
    for i, (r, _) in enumerate(points):
        p = max(q for _, q in points[i:])
        ap += (r - prev_r) * p
        prev_r = r
    return ap


def evaluate(model, data):
    model.eval()
    dets, truth = {}, {}
    start = time.time()
    with torch.no_grad():
        model([load(data[0])])  # warm-up, not timed
        start = time.time()
        for stem, image, boxes, labels in data:
            out = model([load((stem, image))])[0]
            dets[stem] = [(b.tolist(), int(l), float(s)) for b, l, s in zip(out["boxes"], out["labels"],
                                                                             out["scores"])]
            truth[stem] = (boxes, labels)
    seconds = time.time() - start
    aps = {CLASSES[c - 1]: average_precision(dets, truth, c) for c in range(1, len(CLASSES) + 1)}
    known = [a for a in aps.values() if a is not None]
    return sum(known) / len(known), aps, len(data) / seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--list", default="trainval.txt")
    ap.add_argument("--model", choices=["fcos", "fasterrcnn"], required=True)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--test-images", type=int, default=0,
                    help="score only the first N test images (0: all); CPU inference of these models is slow")
    ap.add_argument("--out")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    pairs = read_pairs(a.dataset, a.list)
    model = build(a.model, a.seed)
    steps, seconds = train(model, part(pairs, "training"), a.minutes, a.seed, a.batch)
    test = part(pairs, "test")
    if a.test_images > 0:
        test = test[:a.test_images]
    mean_ap, aps, per_second = evaluate(model, test)
    result = {"model": a.model + " (ResNet-18 FPN, random weights)", "torch": torch.__version__,
              "torchvision": torchvision.__version__, "seed": a.seed, "steps": steps, "batch": a.batch,
              "trainSeconds": round(seconds, 1), "testImages": len(test), "mAP50": mean_ap,
              "ap": aps, "imagesPerSecond": per_second, "threads": a.threads}
    text = json.dumps(result, indent=2)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
