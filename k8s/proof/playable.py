#!/usr/bin/env python3
"""A rendered layout as `podman kube play` takes it again and again, the way a cluster takes `kubectl apply`.

    playable.py RENDERED OUT LABEL FIRST_PORT [DEPLOYMENT]

RENDERED is the output of `kubectl kustomize <overlay>`; OUT gets the documents to play. Two things podman 4.3's kube
play does that a cluster does not, undone here:

- It publishes every containerPort on the host, on the same port of every address, so that two pods of a layout with
  the same ports (the API pods and the watcher: 8080 and 9000) cannot both start, and the pods are open to the
  network. Each containerPort gets a hostPort of its own on 127.0.0.1 instead, counting from FIRST_PORT over the
  Deployments in their order in RENDERED (the same ports whichever are played). The proof calls the pods' own
  addresses and uses none of them.
- It makes each PersistentVolumeClaim a podman volume of the claim's name, and refuses to play the file again while
  that volume exists, where a cluster keeps the bound claim across applies. A claim whose volume exists is left out
  (the pod mounts the volume as it is: the data of the pods before it), and a new claim gets LABEL (key=value) among
  its labels, which podman gives the volume, so that k8s/proof/prove.sh removes it with the rest of what it made.

With DEPLOYMENT, that Deployment is the only one kept: a new pod of one Deployment (a rollout restart) while the
others run on. Prints the ports given and the claims, one a line. Needs PyYAML (Debian: python3-yaml).
"""
import subprocess
import sys

import yaml


def main(argv):
    if len(argv) not in (5, 6) or "=" not in argv[3] or not argv[4].isdigit():
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rendered, out, label, port = argv[1], argv[2], argv[3], int(argv[4])
    only = argv[5] if len(argv) == 6 else None
    key, value = label.split("=", 1)
    with open(rendered, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if isinstance(d, dict)]
    kept = []
    for doc in docs:
        kind, name = doc.get("kind"), doc["metadata"]["name"]
        if kind == "Deployment":
            for container in doc["spec"]["template"]["spec"]["containers"]:
                for p in container.get("ports", []):
                    p["hostIP"], p["hostPort"] = "127.0.0.1", port
                    print(f"{name}: {container['name']} port {p['containerPort']} on 127.0.0.1:{port}")
                    port += 1
            if only is not None and name != only:
                continue
        if kind == "PersistentVolumeClaim":
            if subprocess.run(["podman", "volume", "exists", name]).returncode == 0:
                print(f"claim {name}: its volume is there, kept as it is")
                continue
            doc["metadata"].setdefault("labels", {})[key] = value
            print(f"claim {name}: a new volume")
        kept.append(doc)
    if only is not None and not any(d.get("kind") == "Deployment" for d in kept):
        sys.exit(f"playable.py: no Deployment {only} in {rendered}")
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump_all(kept, f, sort_keys=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
