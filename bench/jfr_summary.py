#!/usr/bin/env python3
"""Where a flight recording's CPU samples went.

  jfr_summary.py FILE [PATTERN]        the share of samples by thread (digits folded), then the share of samples
                                       whose stack holds each frame matching PATTERN (a regex on Class.method)
  jfr_summary.py FILE --under FRAME    what the samples holding FRAME (Class.method, simple names) were doing
                                       three calls further down
"""
import collections
import json
import os
import re
import subprocess
import sys

JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")


def samples(path):
    out = subprocess.run([JFR, "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        frames = (values.get("stackTrace") or {}).get("frames") or []
        yield re.sub(r"\d+", "N", thread), [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"] for f in frames]


def main(argv):
    path = argv[1]
    events = list(samples(path))
    total = len(events) or 1
    if len(argv) > 3 and argv[2] == "--under":
        frame, below = argv[3], collections.Counter()
        holding = [names for _, names in events if frame in names]
        for names in holding:
            below[" > ".join(reversed(names[max(0, names.index(frame) - 3):names.index(frame)]))] += 1
        print(f"{len(holding)} samples hold {frame}")
        for chain, n in below.most_common(20):
            print(f"{n * 100 / max(1, len(holding)):5.1f}%  {chain}")
        return
    threads = collections.Counter(thread for thread, _ in events)
    print(f"{total} samples")
    for thread, n in threads.most_common(12):
        print(f"{n * 100 / total:5.1f}%  {thread}")
    if len(argv) > 2:
        pattern, frames = re.compile(argv[2]), collections.Counter()
        for _, names in events:
            frames.update({name for name in names if pattern.search(name)})
        print(f"-- samples holding each frame matching {argv[2]}")
        for name, n in frames.most_common(40):
            print(f"{n * 100 / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv)
