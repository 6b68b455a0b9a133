package ntsection.verifier.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An interleaving as terminal text, one line per step, in columns: step, thread, action,
 * the code it was in, and "-> thread" where the processor changes hands (only there, so
 * that switches stand out among the steps a thread keeps running). A step can carry a
 * note, printed after it as "<< note", so that a finding shows where it happened. A note
 * past the last step (a replay that ended early) is not lost: it gets a line of its own
 * at the end.
 */
public final class InterleavingText {
    private static final String GAP = "  ";

    private InterleavingText() {
    }

    /**
     * @param notes by step number; "SV6 validate: read twice" prints as "<< SV6 validate: read twice".
     *              A finding's step counts the decisions made before it, so its thread was
     *              the one step (finding's step - 1) chose: that is the line to mark.
     * @throws IllegalArgumentException for a note on a negative step
     */
    public static List<String> lines(List<Interleaving.Step> steps, Map<Integer, String> notes) {
        int numberWidth = String.valueOf(Math.max(steps.size() - 1, maxKey(notes))).length();
        int threadWidth = 0;
        int actionWidth = 0;
        int codeWidth = 0;
        for (Interleaving.Step step : steps) {
            threadWidth = Math.max(threadWidth, step.thread() == null ? 0 : step.thread().length());
            actionWidth = Math.max(actionWidth, step.action().length());
            codeWidth = Math.max(codeWidth, step.code() == null ? 0 : "at ".length() + step.code().length());
        }
        List<String> lines = new ArrayList<>(steps.size() + notes.size());
        StringBuilder line = new StringBuilder();
        for (Interleaving.Step step : steps) {
            line.setLength(0);
            pad(line.append(GAP), String.valueOf(step.number()), numberWidth, true);
            pad(line.append(GAP), step.thread() == null ? "" : step.thread(), threadWidth, false);
            pad(line.append(GAP), step.action(), actionWidth, false);
            pad(line.append(GAP), step.code() == null ? "" : "at " + step.code(), codeWidth, false);
            if (step.switches()) line.append(GAP).append("-> ").append(step.next());
            String note = notes.get(step.number());
            if (note != null) line.append(GAP).append("<< ").append(note);
            lines.add(stripTrailing(line));
        }
        for (Map.Entry<Integer, String> note : new TreeMap<>(notes).entrySet()) {
            if (note.getKey() < steps.size()) continue;
            line.setLength(0);
            pad(line.append(GAP), String.valueOf(note.getKey()), numberWidth, true);
            pad(line.append(GAP), "", threadWidth, false);
            lines.add(line.append(GAP).append("(after the last step)").append(GAP).append("<< ").append(note.getValue())
                    .toString());
        }
        return lines;
    }

    private static int maxKey(Map<Integer, String> notes) {
        int max = 0;
        for (int key : notes.keySet()) {
            if (key < 0) throw new IllegalArgumentException("a note on step " + key + ": steps count from 0");
            max = Math.max(max, key);
        }
        return max;
    }

    private static void pad(StringBuilder line, String text, int width, boolean right) {
        if (right) line.repeat(' ', width - text.length()).append(text);
        else line.append(text).repeat(' ', width - text.length());
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        return line.substring(0, end);
    }
}
