#!/usr/bin/env python3
"""Reference optimiser: the exact season optimum of the replay's oracle, written as a linear
programme and solved with scipy's HiGHS, to time the Java replay against (docs/BENCHMARKS.md).

Same model as `replay --strategy oracle`: batteries pooled, hourly charge/discharge in stored
units, square-root efficiency each way, discharge at most the house load (no export) and the
discharge power, charge at most the charge power and what the import cap leaves, wear per AC kWh
out, start at the minimum, nothing left is valued. Load: calendar year 2008 laid onto the season
keeping weekdays, as --align-weekdays --load-year 2008 does.

usage: reference_optimiser.py TEMPO_CSV LOAD_CSV SEASON [BATTERIES] [WEAR] [REPEATS]
prints the optimum's savings (EUR) and the CPU seconds of each solve (data read once).
"""
import csv
import datetime as dt
import sys
import time
from zoneinfo import ZoneInfo

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
# The newest built-in grid (2026-08-01): blue HC, HP, white HC, HP, red HC, HP.
PRICES = {"BLUE": (0.1356, 0.1654), "WHITE": (0.1536, 0.1921), "RED": (0.1615, 0.7295)}
CAPACITY, MIN_SOC, CHARGE_W, DISCHARGE_W, ROUND_TRIP = 5120.0, 0.11, 2500.0, 800.0, 0.88


def source_date(target, year):
    same = target.replace(year=year)
    shift = target.isoweekday() - same.isoweekday()
    if shift > 3:
        shift -= 7
    elif shift < -3:
        shift += 7
    cand = same + dt.timedelta(days=shift)
    if cand.year < year:
        cand += dt.timedelta(weeks=1)
    elif cand.year > year:
        cand -= dt.timedelta(weeks=1)
    return cand


def season_hours(tempo_csv, load_csv, season):
    colours = {}
    with open(tempo_csv) as f:
        for row in csv.DictReader(f):
            colours[dt.date.fromisoformat(row["date"])] = row["color"]
    load = {}
    with open(load_csv) as f:
        for row in csv.DictReader(f):
            load[dt.datetime.fromisoformat(row["timestamp_local"])] = float(row["avg_power_w"])
    y0 = int(season[:4])
    day, last = dt.date(y0, 9, 1), dt.date(y0 + 1, 8, 31)
    start = dt.datetime(y0, 9, 1, 6, tzinfo=PARIS).astimezone(UTC)
    end = dt.datetime(y0 + 1, 9, 1, 6, tzinfo=PARIS).astimezone(UTC)
    hours, prices, loads = [], [], []
    t = start
    while t < end:
        local = t.astimezone(PARIS).replace(tzinfo=None)
        tempo_day = (local - dt.timedelta(hours=6)).date() if local.hour < 6 else local.date()
        off_peak = local.hour >= 22 or local.hour < 6
        src = dt.datetime.combine(source_date(local.date(), 2008), local.time())
        prices.append(PRICES[colours[tempo_day]][0 if off_peak else 1])
        loads.append(load[src])
        t += dt.timedelta(hours=1)
    return np.array(prices), np.array(loads)


def optimum(prices, loads, batteries, wear):
    n = len(prices)
    eta = ROUND_TRIP ** 0.5
    usable = batteries * CAPACITY * (1 - MIN_SOC)
    max_in = batteries * CHARGE_W * eta
    max_out = np.minimum(batteries * DISCHARGE_W, loads) / eta
    buy = prices / eta / 1000
    sell = (prices - wear) * eta / 1000
    # variables: charge c[0..n), discharge d[0..n), stored s[1..n]
    cost = np.concatenate([buy, -sell, np.zeros(n)])
    rows = np.concatenate([np.arange(n)] * 3 + [np.arange(1, n)])
    cols = np.concatenate([np.arange(n), n + np.arange(n), 2 * n + np.arange(n), 2 * n + np.arange(n - 1)])
    vals = np.concatenate([np.ones(n), -np.ones(n), -np.ones(n), np.ones(n - 1)])
    a_eq = coo_matrix((vals, (rows, cols)), shape=(n, 3 * n)).tocsr()  # s[t] + c - d - s[t+1] = 0
    b_eq = np.zeros(n)
    bounds = [(0, max_in)] * n + [(0, m) for m in max_out] + [(0, usable)] * n
    res = linprog(cost, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    assert res.status == 0, res.message
    c, d = res.x[:n], res.x[n:2 * n]
    grid = loads + c / eta - d * eta
    none = float(np.dot(loads, prices) / 1000)
    paid = float(np.dot(grid, prices) / 1000 + (d * eta).sum() / 1000 * wear)
    return none - paid


def main():
    tempo_csv, load_csv, season = sys.argv[1:4]
    batteries = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    wear = float(sys.argv[5]) if len(sys.argv) > 5 else 0.05
    repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 5
    started = time.process_time()
    prices, loads = season_hours(tempo_csv, load_csv, season)
    print(f"data read in {time.process_time() - started:.3f} s CPU")
    for _ in range(repeats):
        started = time.process_time()
        savings = optimum(prices, loads, batteries, wear)
        print(f"optimum {savings:.2f} EUR in {time.process_time() - started:.3f} s CPU")


if __name__ == "__main__":
    main()
