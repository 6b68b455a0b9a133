package ntsection.ke;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded exhaustive search: a depth-first walk over every schedule whose number of
 * preemptions (switching away from a thread that could have gone on) stays within a
 * bound (Musuvathi and Qadeer's iterative context bounding). Each run follows the
 * previous run's decisions up to the deepest one with an untried alternative, takes
 * that alternative, and from there prefers the running thread. Points with a single
 * runnable thread are not decisions, so they cost the search nothing.
 */
public final class ExhaustiveSearch {
    private final int preemptionBound;
    private final List<Decision> path = new ArrayList<>();
    private boolean started;

    public ExhaustiveSearch(int preemptionBound) {
        this.preemptionBound = preemptionBound;
    }

    /** The strategy for the next schedule, or null once every schedule within the bound has run. */
    public Strategy nextRun() {
        if (started && !backtrack()) return null;
        started = true;
        return new Walk();
    }

    private boolean backtrack() {
        for (int depth = path.size() - 1; depth >= 0; depth--) {
            Decision decision = path.get(depth);
            for (int position = decision.chosen + 1; position < decision.options.length; position++) {
                int preemptions = decision.preemptionsBefore + (decision.isPreemption(position) ? 1 : 0);
                if (preemptions <= preemptionBound) {
                    decision.chosen = position;
                    path.subList(depth + 1, path.size()).clear();
                    return true;
                }
            }
        }
        return false;
    }

    /** One choice point on the current path: the options (the running thread first) and which was taken. */
    private static final class Decision {
        final int[] options;
        final int current;
        final int preemptionsBefore;
        int chosen;

        Decision(int[] options, int current, int preemptionsBefore) {
            this.options = options;
            this.current = current;
            this.preemptionsBefore = preemptionsBefore;
        }

        boolean isPreemption(int position) {
            return current >= 0 && options[position] != current;
        }
    }

    private final class Walk implements Strategy {
        private int depth;
        private int preemptions;

        @Override
        public int choose(long step, int[] runnable, int count, int current) {
            if (count == 1) return 0;
            Decision decision;
            if (depth < path.size()) {
                decision = path.get(depth);
            } else {
                int[] options = new int[count];
                int next = 0;
                if (current >= 0) options[next++] = current;
                for (int i = 0; i < count; i++) if (runnable[i] != current) options[next++] = runnable[i];
                decision = new Decision(options, current, preemptions);
                path.add(decision);
            }
            depth++;
            int thread = decision.options[decision.chosen];
            if (decision.isPreemption(decision.chosen)) preemptions++;
            for (int i = 0; i < count; i++) if (runnable[i] == thread) return i;
            throw new IllegalStateException("the scenario is not deterministic: thread " + thread
                    + " is not runnable where it was on the previous schedule");
        }
    }
}
