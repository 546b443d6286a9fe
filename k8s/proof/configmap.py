#!/usr/bin/env python3
"""ConfigMap volumes for `podman kube play`, written the way the kubelet writes them.

    configmap.py volumes RENDERED            the ConfigMaps that Deployments in RENDERED mount as volumes, one a line
    configmap.py sync RENDERED NAME DIR      write ConfigMap NAME of RENDERED into DIR, as the kubelet does

RENDERED is the output of `kubectl kustomize <overlay>`. podman kube play has no kubelet: it writes a ConfigMap's
items into a named volume once, as plain files, does not create the folders of an item's path (scenarios/x.json),
and never updates them while the pod runs. So k8s/proof/prove.sh writes the volume itself, before the play and
for every later edit, in the kubelet's layout (its AtomicWriter): the files in a hidden folder named after the
time, a link `..data` to it, and each top-level name a link through `..data`. An update writes a new hidden
folder, points `..data_tmp` at it and renames that over `..data` (one atomic step: a reader sees the old
files or the new ones, never a mix), then drops top-level names that went away and the old folder. The
service's hot reload follows exactly this on a real cluster. kube play, finding the volume there, writes the
same content through those links again, which changes nothing.

Items as in the Deployment's volume (key -> path); without items, every key at its own name. Files 0644,
folders 0755. Needs PyYAML (Debian: python3-yaml).
"""
import datetime
import os
import shutil
import sys

import yaml


def documents(rendered):
    with open(rendered, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if isinstance(d, dict)]


def configmap_volumes(docs):
    """(ConfigMap name, items or None) for every configMap volume of a Deployment."""
    found = []
    for doc in docs:
        if doc.get("kind") != "Deployment":
            continue
        for volume in doc["spec"]["template"]["spec"].get("volumes", []):
            if "configMap" in volume:
                found.append((volume["configMap"]["name"], volume["configMap"].get("items")))
            if "projected" in volume:
                sys.exit(f"configmap.py: volume {volume['name']} is projected: podman kube play refuses projected volumes")
    return found


def payload(docs, name):
    """{path under the mount: bytes} for ConfigMap NAME, laid out by the items of the volume that mounts it."""
    maps = [d for d in docs if d.get("kind") == "ConfigMap" and d["metadata"]["name"] == name]
    if len(maps) != 1:
        sys.exit(f"configmap.py: {len(maps)} ConfigMap(s) named {name} in the rendered manifests, expected 1")
    data = {k: v.encode("utf-8") for k, v in (maps[0].get("data") or {}).items()}
    items = next((i for n, i in configmap_volumes(docs) if n == name), None)
    if items is None:
        return data
    files = {}
    for item in items:
        if item["key"] not in data:
            sys.exit(f"configmap.py: the volume names key {item['key']}, which ConfigMap {name} lacks")
        path = os.path.normpath(item["path"])
        if path.startswith("..") or os.path.isabs(path):
            sys.exit(f"configmap.py: item path {item['path']} leaves the volume")
        files[path] = data[item["key"]]
    return files


def sync(docs, name, target):
    files = payload(docs, name)
    os.makedirs(target, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("..%Y_%m_%d_%H_%M_%S.%f")
    fresh = os.path.join(target, stamp)
    os.mkdir(fresh, 0o755)
    for path, content in files.items():
        full = os.path.join(fresh, path)
        os.makedirs(os.path.dirname(full), 0o755, exist_ok=True)
        with open(full, "wb") as f:
            f.write(content)
        os.chmod(full, 0o644)
    data_link = os.path.join(target, "..data")
    old = os.readlink(data_link) if os.path.islink(data_link) else None
    tmp_link = os.path.join(target, "..data_tmp")
    if os.path.lexists(tmp_link):
        os.remove(tmp_link)
    os.symlink(stamp, tmp_link)
    os.rename(tmp_link, data_link)  # the one atomic step
    tops = {path.split(os.sep)[0] for path in files}
    for top in sorted(tops):
        link = os.path.join(target, top)
        if os.path.islink(link):
            continue
        if os.path.lexists(link):  # a plain file or folder, as kube play writes them: swap it for the link
            (shutil.rmtree if os.path.isdir(link) else os.remove)(link)
        os.symlink(os.path.join("..data", top), link)
    for entry in os.listdir(target):
        full = os.path.join(target, entry)
        if not entry.startswith("..") and entry not in tops:
            (shutil.rmtree if os.path.isdir(full) and not os.path.islink(full) else os.remove)(full)
    if old and old != stamp and os.path.isdir(os.path.join(target, old)):
        shutil.rmtree(os.path.join(target, old))
    print(f"{name}: {len(files)} file(s) in {target}/{stamp}, ..data swapped")


def main(argv):
    if len(argv) == 3 and argv[1] == "volumes":
        for name, _ in configmap_volumes(documents(argv[2])):
            print(name)
        return 0
    if len(argv) == 5 and argv[1] == "sync":
        sync(documents(argv[2]), argv[3], argv[4])
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
