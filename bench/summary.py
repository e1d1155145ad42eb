"""The benchmarks' summary table from their result lines; exits 1 when a
goal was missed. A result line: R, figure, N, median, max, anchor, goal,
ok | MISS | - (no goal)."""
import sys

rows = [line.rstrip("\n").split("\t")[1:] for line in open(sys.argv[1], encoding="utf-8") if line.startswith("R\t")]
print()
print("| figure | N | bitim (median) | worst | anchor | ratio | goal | |")
print("|---|---|---|---|---|---|---|---|")
missed = 0
for figure, n, median, worst, anchor, goal, ok in rows:
    ratio = "-"
    if anchor != "-" and float(anchor) > 0:
        ratio = "%.2f" % (float(median) / float(anchor))
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (figure, "{:,}".format(int(n)), median, worst, anchor, ratio,
                                                    goal, ok))
    missed += ok == "MISS"
print()
print("%d goal(s) missed" % missed if missed else "every goal met")
sys.exit(1 if missed else 0)
