"""tools/group_subsets.py on five rows worked out by hand:
python3 tests/group_subsets_test.py tools/group_subsets.py"""
import os
import subprocess
import sys
import tempfile

TOOL = sys.argv[1]
# Groups a: (0.9, 1), (0.1, 0); b: (0.8, 0), (0.2, 1); c: (0.5, 1).
# k = 2: {a, b}: 0.9 and 0.2 against 0.1 and 0.8 -> 3 of 4 pairs = 0.750;
# {a, c}: 0.9 and 0.5 against 0.1 -> 1.000; {b, c}: 0.2 and 0.5 against
# 0.8 -> 0.000. k = 1: a 1.000, b 0.000, c one class.
DATA = "id,text,label,event\nr1,x,1,a\nr2,x,0,a\nr3,x,0,b\nr4,x,1,b\nr5,x,1,c\n"
failures = 0


def check(name, got, want):
    global failures
    if got != want:
        failures += 1
        print(f"FAIL {name}:\n--- got\n{got}--- want\n{want}")


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data.csv")
    with open(data, "w") as f:
        f.write(DATA)
    predictions = os.path.join(tmp, "oof.csv")
    with open(predictions, "w") as f:
        f.write("file,line,id,unit,label,probability\n")
        for i, (p, y) in enumerate([(0.9, 1), (0.1, 0), (0.8, 0), (0.2, 1),
                                    (0.5, 1)]):
            f.write(f"{data},{i + 2},r{i + 1},claim,{y},{p}\n")
        f.write(f"other.csv,2,r1,claim,1,0.0\n")  # another file: ignored

    def run(*extra):
        return subprocess.run([sys.executable, TOOL, predictions, data,
                               *extra], capture_output=True, text=True)

    check("k=2", run("--k", "2").stdout,
          "0.000       3 rows      2 labeled 1  b, c\n"
          "0.750       4 rows      2 labeled 1  a, b\n"
          "1.000       3 rows      2 labeled 1  a, c\n"
          "3 subsets of 2 with both classes: AUC 0.000-1.000, median 0.750\n")
    check("k=1", run("--k", "1").stdout,
          "0.000       2 rows      1 labeled 1  b\n"
          "1.000       2 rows      1 labeled 1  a\n"
          "  -         1 rows      1 labeled 1  c\n"
          "2 subsets of 1 with both classes: AUC 0.000-1.000, median 0.500\n")
    wrong = subprocess.run([sys.executable, TOOL, predictions,
                            os.path.join(tmp, "none.csv")],
                           capture_output=True, text=True)
    check("missing data file exit", str(wrong.returncode != 0), "True")

print("group_subsets_test:", "FAILED" if failures else "passed")
sys.exit(1 if failures else 0)
