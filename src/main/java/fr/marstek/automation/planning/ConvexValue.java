package fr.marstek.automation.planning;

import java.util.Arrays;

/**
 * A convex piecewise-linear function on [0, width]: its value at 0 and its segments (length, slope)
 * in increasing slope order. It is the cost-to-go of stored energy in {@link EnergyDp}.
 */
final class ConvexValue {

  private static final double TINY = 1e-9;

  final double atZero;
  final double[] length;
  final double[] slope;

  private ConvexValue(double atZero, double[] length, double[] slope) {
    this.atZero = atZero;
    this.length = length;
    this.slope = slope;
  }

  static ConvexValue linear(double width, double slope) {
    return width <= TINY
        ? new ConvexValue(0, new double[0], new double[0])
        : new ConvexValue(0, new double[] {width}, new double[] {slope});
  }

  /**
   * The cost of ending with y stored units when the k-th segment of units is worth {@code worth[k]}
   * each (non-increasing), so the function is convex.
   */
  static ConvexValue ofWorth(double[] length, double[] worth) {
    double[] slope = new double[worth.length];
    for (int k = 0; k < worth.length; k++) {
      slope[k] = -worth[k];
      if (k > 0 && slope[k] < slope[k - 1]) {
        throw new IllegalArgumentException("worth must not increase with the stored energy");
      }
    }
    return new ConvexValue(0, length.clone(), slope);
  }

  /**
   * The expectation {@code sum weight[i] x f[i]} of functions on the same [0, width]: a sum of
   * convex piecewise-linear functions is one, with the union of their breakpoints.
   */
  static ConvexValue mix(double[] weight, ConvexValue[] f) {
    int all = 0;
    for (ConvexValue g : f) {
      all += g.length.length;
    }
    double[] cuts = new double[all];
    int held = 0;
    double atZero = 0;
    for (int i = 0; i < f.length; i++) {
      atZero += weight[i] * f[i].atZero;
      double pos = 0;
      for (double l : f[i].length) {
        pos += l;
        cuts[held++] = pos;
      }
    }
    // the breakpoints in increasing order, each once (sums of positive lengths: no -0 or NaN)
    Arrays.sort(cuts);
    int distinct = 0;
    for (int c = 0; c < all; c++) {
      if (distinct == 0 || cuts[c] != cuts[distinct - 1]) {
        cuts[distinct++] = cuts[c];
      }
    }
    double[] outLength = new double[distinct];
    double[] outSlope = new double[distinct];
    int out = 0;
    double from = 0;
    for (int c = 0; c < distinct; c++) {
      double to = cuts[c];
      if (to - from <= TINY) {
        continue;
      }
      double mid = (from + to) / 2;
      double slope = 0;
      for (int i = 0; i < f.length; i++) {
        slope += weight[i] * f[i].slopeAt(mid);
      }
      if (out > 0 && Math.abs(outSlope[out - 1] - slope) <= 1e-15) {
        outLength[out - 1] += to - from;
      } else {
        outLength[out] = to - from;
        outSlope[out++] = slope;
      }
      from = to;
    }
    return new ConvexValue(atZero, Arrays.copyOf(outLength, out), Arrays.copyOf(outSlope, out));
  }

  private double slopeAt(double y) {
    double pos = 0;
    for (int k = 0; k < length.length; k++) {
      pos += length[k];
      if (y < pos) {
        return slope[k];
      }
    }
    return slope.length == 0 ? 0 : slope[slope.length - 1];
  }

  double valueAt(double y) {
    double value = atZero;
    double pos = 0;
    for (int i = 0; i < length.length && pos < y; i++) {
      double take = Math.min(length[i], y - pos);
      value += take * slope[i];
      pos += take;
    }
    return value;
  }

  /**
   * One hour earlier: V(s) = min over next state y of cost(y - s) + this(y), where charging costs
   * {@code buy} per stored unit (at most {@code maxIn}) and discharging earns {@code sell} per
   * stored unit (at most {@code maxOut}). The infimal convolution of two convex functions merges
   * their slopes, so the result is exact.
   */
  ConvexValue earlier(double buy, double maxIn, double sell, double maxOut, double width) {
    int n = length.length;
    double[] outLength = new double[n + 2];
    double[] outSlope = new double[n + 2];
    int out = 0;
    // the merged segments are clipped to [0, width] as they are merged, from -maxIn (charging
    // fully): one pass and no merged copy, as the DP does this about 40 times per plan
    double pos = -maxIn;
    double value = buy * maxIn + atZero;
    double kept = 0;
    int i = 0;
    int own = 0; // the hour's own segments: 0 charging (maxIn at -buy), 1 discharging
    for (int k = 0; k < n + 2 && kept < width - TINY; k++) {
      double ownSlope = own == 0 ? -buy : -sell;
      double l;
      double sl;
      if (own < 2 && (i >= n || ownSlope <= slope[i])) {
        l = own == 0 ? maxIn : maxOut;
        sl = ownSlope;
        own++;
      } else {
        l = length[i];
        sl = slope[i++];
      }
      if (pos < 0) {
        double skip = Math.min(l, -pos);
        value += skip * sl;
        pos += skip;
        l -= skip;
      }
      double take = Math.min(l, width - kept);
      if (take <= TINY) {
        continue;
      }
      if (out > 0 && outSlope[out - 1] == sl) {
        outLength[out - 1] += take;
      } else {
        outLength[out] = take;
        outSlope[out++] = sl;
      }
      kept += take;
    }
    return new ConvexValue(value, Arrays.copyOf(outLength, out), Arrays.copyOf(outSlope, out));
  }

  /** From {@code from}, moves right up to {@code limit} while the slope is at most {@code max}. */
  double advanceWhileSlopeAtMost(double from, double limit, double max) {
    double pos = 0;
    double y = from;
    for (int k = 0; k < length.length && y < limit - TINY; k++) {
      double end = pos + length[k];
      if (end > y + TINY) {
        if (slope[k] > max) {
          return y;
        }
        y = Math.min(end, limit);
      }
      pos = end;
    }
    return y;
  }

  /**
   * From {@code from}, moves left down to {@code limit} while the slope is at least {@code min}.
   */
  double retreatWhileSlopeAtLeast(double from, double limit, double min) {
    double end = 0;
    for (double l : length) {
      end += l;
    }
    double y = from;
    for (int k = length.length - 1; k >= 0 && y > limit + TINY; k--) {
      double start = end - length[k];
      if (start < y - TINY) {
        if (slope[k] < min) {
          return y;
        }
        y = Math.max(start, limit);
      }
      end = start;
    }
    return y;
  }
}
