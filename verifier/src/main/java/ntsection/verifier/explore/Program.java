package ntsection.verifier.explore;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Attacks;
import ntsection.drivers.demo.Target;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the attacker runs in one explored schedule: one of the demo's attacks by name, or
 * the generated program of a seed, whole or with only some of its requests kept (after
 * shrinking). Saved in a finding file as parameters, so a replay runs the same program.
 *
 * @param kept for a generated program, the requests it sends; null for all of them
 */
public record Program(String attack, long seed, List<Integer> kept) {
    static final String ATTACK = "attack";
    static final String PROGRAM_SEED = "program-seed";
    static final String KEPT = "kept-requests";

    public Program {
        if (kept != null) kept = List.copyOf(kept);
    }

    static Program generated(long seed) {
        return new Program(GeneratedCalls.NAME, seed, null);
    }

    static Program attack(Attack attack) {
        return new Program(attack.name(), 0, null);
    }

    boolean isGenerated() {
        return GeneratedCalls.NAME.equals(attack);
    }

    Attack instantiate(Target target) {
        if (isGenerated()) {
            GeneratedCalls calls = new GeneratedCalls(target.controlCodes(), seed);
            return kept == null ? calls : calls.keeping(kept);
        }
        return Attacks.ALL.stream().filter(known -> known.name().equals(attack) && known.aims(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attack '" + attack + "' aimed at "
                        + target.serviceName()));
    }

    /** The calls a finding lists: a generated program's requests, or the attack and what it does. */
    List<String> calls(Attack instance) {
        if (instance instanceof GeneratedCalls generated) return generated.calls();
        return List.of("attack " + instance.name() + ": " + instance.summary());
    }

    Program keeping(List<Integer> requests) {
        return new Program(attack, seed, requests);
    }

    Map<String, String> parameters() {
        if (!isGenerated()) return Map.of(ATTACK, attack);
        String requests = kept == null ? "all" : String.join(",", kept.stream().map(String::valueOf).toList());
        return Map.of(ATTACK, attack, PROGRAM_SEED, Long.toString(seed), KEPT, requests);
    }

    /** The program a finding file's parameters name; IllegalArgumentException naming what is wrong. */
    static Program of(Map<String, String> parameters) {
        String attack = parameters.get(ATTACK);
        if (attack == null) throw new IllegalArgumentException("the finding file names no attack (parameter " + ATTACK + ")");
        if (!GeneratedCalls.NAME.equals(attack)) return new Program(attack, 0, null);
        try {
            long seed = Long.parseLong(parameters.getOrDefault(PROGRAM_SEED, ""));
            String requests = parameters.getOrDefault(KEPT, "all");
            List<Integer> kept = requests.equals("all") ? null
                    : requests.isEmpty() ? List.of() : Arrays.stream(requests.split(",")).map(Integer::valueOf).toList();
            return new Program(attack, seed, kept);
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("the finding file's " + PROGRAM_SEED + " or " + KEPT + " is not a number: "
                    + bad.getMessage());
        }
    }
}
