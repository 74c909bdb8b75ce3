#!/usr/bin/env python3
"""Flips one random bit of a real snapshot per trial and runs a command over it:
every answer must be the intact one (exit 0 or 1, same stdout), never a crash.
Usage: Bench/checks/snapshot-flips.py BINARY TRIALS [SEED]  (run from the repository root)."""
import os, random, subprocess, sys, shutil
binary = sys.argv[1]; trials = int(sys.argv[2])
env = dict(os.environ, IAIFI_CACHE_DIR="/tmp/flipcache")
shutil.rmtree("/tmp/flipcache", ignore_errors=True)
cmds = [["list","--format","jsonl"], ["search","dark","matter","--format","json"], ["keywords","--format","tsv"], ["authors","--format","tsv"], ["search","--keyword","diffusion models","--format","tsv"], ["show","udrescu2019","--format","json"]]
expected = [subprocess.run([binary]+c, env=env, capture_output=True).stdout for c in cmds]
snap = [os.path.join("/tmp/flipcache", f) for f in os.listdir("/tmp/flipcache")][0]
orig = open(snap,"rb").read()
rng = random.Random(int(sys.argv[3]) if len(sys.argv)>3 else 1)
bad = 0; crashes = 0; notices = 0
for t in range(trials):
    data = bytearray(orig); pos = rng.randrange(len(data)); data[pos] ^= 1 << rng.randrange(8)
    open(snap,"wb").write(data); os.chmod(snap, 0o600)
    i = rng.randrange(len(cmds))
    r = subprocess.run([binary]+cmds[i], env=env, capture_output=True)
    if r.returncode not in (0,1): crashes += 1; print("exit", r.returncode, pos, cmds[i], r.stderr[-300:])
    elif r.stdout != expected[i]: bad += 1; print("WRONG", pos, cmds[i])
    if b"damaged" in r.stderr: notices += 1
    # restore
    open(snap,"wb").write(orig); os.chmod(snap, 0o600)
print(f"trials {trials} wrong {bad} crashes {crashes} damage-notices {notices}")
