package ntsection.verifier;

import ntsection.vf.Harm;
import ntsection.vf.Rule;
import ntsection.vf.Violation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing the verifier found, with what it takes to see it again: the rule broken (or,
 * for an oracle's finding, no rule and the kind of harm), what happened, the driver
 * frame that did it, the process, thread and object involved, and the run: the
 * strategy and seed that found it, the schedule (the thread index chosen at each
 * scheduling point, as {@code ntsection.ke.RunResult.schedule()} records it and
 * {@code ntsection.ke.Replay} replays it) and the IOCTL calls that led there.
 *
 * @param rule     the rule broken, or null for a finding an oracle made
 * @param harm     for an oracle's finding, the harm it saw as {@link Harm.Kind#label()} spells it
 *                 ("bug-check", "secret leaked", "handle stolen", "use after free", "leak"); may also
 *                 accompany a rule, when an attack showed the rule's harm; null otherwise
 * @param location the innermost driver frame, or null when no driver code was on the stack
 * @param process  the process it ran in, or null when not known (so for the other two)
 * @param step     the scheduling step it happened at, -1 when not known
 * @param strategy one of {@link Strategies#ALL}
 * @param schedule the thread index chosen at each scheduling point of the run, in order
 * @param calls    the device I/O calls that led to it, free-form ("IOCTL 0x222440 in=8 out=8")
 */
public record Finding(Rule rule, String harm, String message, Location location, String process, String thread,
                      String object, long step, long seed, String strategy, List<Integer> schedule, List<String> calls) {

    public Finding {
        if (harm != null) OracleRule.forHarm(harm);
        if (rule == null && harm == null) throw new IllegalArgumentException("a finding has a rule, a harm or both");
        Objects.requireNonNull(message, "message");
        Strategies.requireKnown(strategy);
        schedule = List.copyOf(schedule);
        calls = List.copyOf(calls);
    }

    /** A finding of the run-time rule checks: the violation and the run it happened in. */
    public static Finding of(Violation violation, long seed, String strategy, int[] schedule, List<String> calls) {
        return new Finding(violation.rule(), null, violation.message(), Location.of(violation.frame()),
                violation.process(), violation.thread(), violation.object(), violation.step(), seed, strategy,
                toList(schedule), calls);
    }

    /**
     * A finding of an oracle: the harm and the run that showed it. Oracles see the harm,
     * not the code that caused it, so the location is whatever the caller knows (null if
     * nothing).
     */
    public static Finding of(Harm harm, Location location, long seed, String strategy, int[] schedule,
                             List<String> calls) {
        return new Finding(null, harm.kind().label(), harm.message(), location, null, null, null, -1, seed, strategy,
                toList(schedule), calls);
    }

    /** The id reports cite: "SV1".."SV10", or the oracle's id ("ORACLE-bug-check") when there is no rule. */
    public String ruleId() {
        return rule != null ? rule.name() : OracleRule.forHarm(harm).id();
    }

    /** The short name after the id: the rule's ("kernel-handle") or the harm label for an oracle's finding. */
    public String ruleName() {
        return rule != null ? rule.shortName() : harm;
    }

    /** The schedule as {@code new ntsection.ke.Replay(int[])} takes it. */
    public int[] scheduleArray() {
        int[] array = new int[schedule.size()];
        for (int i = 0; i < array.length; i++) array[i] = schedule.get(i);
        return array;
    }

    /** The same finding with another schedule, e.g. the shortest one a shrinker found that still shows it. */
    public Finding withSchedule(int[] shorter) {
        return new Finding(rule, harm, message, location, process, thread, object, step, seed, strategy,
                toList(shorter), calls);
    }

    /** The same finding with the harm an attack showed for it. */
    public Finding withHarm(String harmLabel) {
        return new Finding(rule, harmLabel, message, location, process, thread, object, step, seed, strategy,
                schedule, calls);
    }

    private static List<Integer> toList(int[] schedule) {
        return Arrays.stream(schedule).boxed().toList();
    }

    @Override
    public String toString() {
        return ruleId() + " " + ruleName() + ": " + message + " at " + (location == null ? "(no driver frame)" : location);
    }
}
