package org.loupe.numerics.filter;

/** Finds the median of a small array in place (insertion sort for short arrays, Wirth's selection otherwise). */
final class Selection {

    private static final int INSERTION_LIMIT = 32;

    private Selection() {
    }

    /** Median of the first {@code n} values ({@code n} odd); reorders them. NaN values give an unspecified result. */
    static double median(double[] a, int n) {
        int k = n / 2;
        if (n <= INSERTION_LIMIT) {
            for (int i = 1; i < n; i++) {
                double v = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] > v) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return a[k];
        }
        // partition around a[k] until k's final position is fixed
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[k];
            int i = lo;
            int j = hi;
            do {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            } while (i <= j);
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return a[k];
    }
}
