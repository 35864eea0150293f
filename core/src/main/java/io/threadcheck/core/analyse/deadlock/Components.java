package io.threadcheck.core.analyse.deadlock;

import java.util.Arrays;
import java.util.List;

/**
 * Strongly connected components of a graph given as adjacency lists over dense nodes
 * (Tarjan's algorithm, iterative: lock graphs can be deep).
 */
final class Components {

    private Components() {}

    /** The component number of each node; two nodes share one exactly when each reaches the other. */
    static int[] of(List<? extends List<? extends Arc>> out) {
        int n = out.size();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        Arrays.fill(component, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callCursor = new int[n];
        int next = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            callNode[0] = root;
            callCursor[0] = 0;
            index[root] = low[root] = next++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                List<? extends Arc> arcs = out.get(v);
                if (callCursor[depth] < arcs.size()) {
                    int w = arcs.get(callCursor[depth]++).to();
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callCursor[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return component;
    }

    /** An edge as the component search needs it. */
    interface Arc {
        int to();
    }
}
