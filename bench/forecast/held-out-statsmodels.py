# python3 bench/forecast/held-out-statsmodels.py OUT_DIR — writes quarterly series from statsmodels' data sets
# (Debian's python3-statsmodels) that no other set of the benchmark holds, as long CSV (unique_id,ds,y), for a
# second blind check of the automatic model on quarterly data: six US macro series of 1959-2009 that the R
# held-out set does not hold (macrodata: real government spending, real disposable income, population, the
# 3-month T-bill rate, inflation and the real interest rate), German inflation and interest rates of 1972-1998
# (interest_inflation) and five Danish money and income series of 1974-1987 (danish_data). Exits 1 without
# statsmodels.
import os
import sys

from statsmodels.datasets import danish_data, interest_inflation, macrodata

out = sys.argv[1] if len(sys.argv) > 1 else "."
rows = ["unique_id,ds,y"]


def add(name, years, quarters, values):
    for year, quarter, value in zip(years, quarters, values):
        month = 3 * (int(quarter) - 1) + 1
        rows.append(f"{name},{int(year):04d}-{month:02d}-01,{float(value):.10g}")


macro = macrodata.load_pandas().data
for column in ["realgovt", "realdpi", "pop", "tbilrate", "infl", "realint"]:
    add(f"us.{column}", macro["year"], macro["quarter"], macro[column])
german = interest_inflation.load_pandas().data
for column in ["Dp", "R"]:
    add(f"de.{column}", german["year"], german["quarter"], german[column])
danish = danish_data.load_pandas().data
for column in ["lrm", "lry", "lpy", "ibo", "ide"]:
    add(f"dk.{column}", danish.index.year, danish.index.quarter, danish[column])
with open(os.path.join(out, "held-out-statsmodels-quarterly.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")
